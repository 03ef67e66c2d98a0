// Play / pause / step / reset, speed, and the scene picker: everything that drives the training loop.
import { SCENES } from '../engine/scenes';
import { controller } from '../state/app-state';
import { sceneText, useLanguage, useT } from './i18n';
import { PlaybackButtons } from './playback-buttons';
import { useTraining } from './use-training';

const SPEEDS = [1, 2, 5, 20, 50];

export function TrainingControls({ sceneId, onScene }: { sceneId: string; onScene: (id: string) => void }) {
  const status = useTraining((s) => s.status);
  const t = useT();
  const language = useLanguage();
  return (
    <div className="controls" role="toolbar" aria-label={t('controls.toolbar')}>
      <label className="field">
        <span>{t('controls.scene')}</span>
        <select
          id="scene-picker"
          data-testid="scene-picker"
          value={sceneId}
          onChange={(e) => onScene(e.target.value)}
        >
          {SCENES.map((s) => (
            <option key={s.id} value={s.id}>
              {sceneText(s, language).title}
            </option>
          ))}
        </select>
      </label>
      <PlaybackButtons />
      <label className="field">
        <span title={t('controls.speedHint')}>{t('controls.speed')}</span>
        <select
          data-testid="speed"
          value={status?.stepsPerTick ?? 1}
          onChange={(e) => void controller.setSpeed(Number(e.target.value))}
        >
          {SPEEDS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <span className="muted" data-testid="step-count">
        {t('controls.stepCount', { step: status?.step ?? 0 })}
      </span>
    </div>
  );
}
