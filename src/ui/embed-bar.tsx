// The only chrome of an embedded Anisoscope: play/pause, step, reset, and the scene's name.
import { sceneById } from '../engine/scenes';
import { sceneText, useLanguage, useT } from './i18n';
import { PlaybackButtons } from './playback-buttons';
import { useTraining } from './use-training';

export function EmbedBar({ sceneId }: { sceneId: string }) {
  const step = useTraining((s) => s.status?.step ?? 0);
  const t = useT();
  const language = useLanguage();
  const scene = sceneById(sceneId);
  return (
    <div className="embed-bar" role="toolbar" aria-label={t('controls.toolbar')}>
      <PlaybackButtons />
      <span className="muted small embed-bar__step" data-testid="step-count">
        {t('controls.sceneStep', { title: scene ? sceneText(scene, language).title : '', step })}
      </span>
    </div>
  );
}
