// The only chrome of an embedded Anisoscope: play/pause, step, reset, and the scene's name.
import { sceneById } from '../engine/scenes';
import { controller } from '../state/app-state';
import { useTraining } from './use-training';

export function EmbedBar({ sceneId }: { sceneId: string }) {
  const playing = useTraining((s) => s.status?.playing ?? false);
  const ready = useTraining((s) => s.snapshot !== null);
  const step = useTraining((s) => s.status?.step ?? 0);
  return (
    <div className="embed-bar" role="toolbar" aria-label="Training controls">
      <button
        type="button"
        className="button"
        data-testid="play-pause"
        disabled={!ready}
        onClick={() => void (playing ? controller.pause() : controller.play())}
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        className="button button--quiet"
        data-testid="step"
        disabled={!ready || playing}
        onClick={() => void controller.step()}
      >
        Step ›
      </button>
      <button
        type="button"
        className="button button--quiet"
        data-testid="reset"
        disabled={!ready}
        onClick={() => void controller.reset()}
      >
        ↺ Reset
      </button>
      <span className="muted small" data-testid="step-count">
        {sceneById(sceneId)?.title} · step {step}
      </span>
    </div>
  );
}
