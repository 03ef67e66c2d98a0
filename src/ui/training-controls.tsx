// Play / pause / step / reset, speed, and the scene picker: everything that drives the training loop.
import { SCENES } from '../engine/scenes';
import { controller } from '../state/app-state';
import { useTraining } from './use-training';

const SPEEDS = [1, 2, 5, 20, 50];

export function TrainingControls({ sceneId, onScene }: { sceneId: string; onScene: (id: string) => void }) {
  const status = useTraining((s) => s.status);
  const hasSnapshot = useTraining((s) => s.snapshot !== null);
  const playing = status?.playing ?? false;
  return (
    <div className="controls" role="toolbar" aria-label="Training controls">
      <label className="field">
        <span>Scene</span>
        <select data-testid="scene-picker" value={sceneId} onChange={(e) => onScene(e.target.value)}>
          {SCENES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button"
        data-testid="play-pause"
        disabled={!hasSnapshot}
        onClick={() => void (playing ? controller.pause() : controller.play())}
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        className="button button--quiet"
        data-testid="step"
        disabled={!hasSnapshot || playing}
        onClick={() => void controller.step()}
      >
        Step ›
      </button>
      <button
        type="button"
        className="button button--quiet"
        data-testid="reset"
        disabled={!hasSnapshot}
        onClick={() => void controller.reset()}
      >
        ↺ Reset
      </button>
      <label className="field">
        <span title="steps per tick: how far training runs ahead between snapshots">speed</span>
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
        step {status?.step ?? 0}
      </span>
    </div>
  );
}
