// The only chrome of an embedded Anisoscope: play/pause, step, reset, and the scene's name.
import { sceneById } from '../engine/scenes';
import { controller } from '../state/app-state';
import { sceneText, useLanguage, useT } from './i18n';
import { useTraining } from './use-training';

export function EmbedBar({ sceneId }: { sceneId: string }) {
  const playing = useTraining((s) => s.status?.playing ?? false);
  const ready = useTraining((s) => s.snapshot !== null);
  const step = useTraining((s) => s.status?.step ?? 0);
  const t = useT();
  const language = useLanguage();
  const scene = sceneById(sceneId);
  return (
    <div className="embed-bar" role="toolbar" aria-label={t('controls.toolbar')}>
      <button
        type="button"
        className="button"
        data-testid="play-pause"
        disabled={!ready}
        onClick={() => void (playing ? controller.pause() : controller.play())}
      >
        {playing ? t('controls.pause') : t('controls.play')}
      </button>
      <button
        type="button"
        className="button button--quiet"
        data-testid="step"
        disabled={!ready || playing}
        onClick={() => void controller.step()}
      >
        {t('controls.step')}
      </button>
      <button
        type="button"
        className="button button--quiet"
        data-testid="reset"
        disabled={!ready}
        onClick={() => void controller.reset()}
      >
        {t('controls.reset')}
      </button>
      <span className="muted small" data-testid="step-count">
        {t('controls.sceneStep', { title: scene ? sceneText(scene, language).title : '', step })}
      </span>
    </div>
  );
}
