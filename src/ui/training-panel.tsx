// The live experiment: controls, the scene's caption, and one card per run.
import { sceneById } from '../engine/scenes';
import { training } from '../state/app-state';
import { ExperimentDrawer } from './experiment-drawer';
import { Notice } from './notice';
import { RunCard } from './run-card';
import { TrainingControls } from './training-controls';
import { useTraining } from './use-training';

export function TrainingPanel({ sceneId, onScene }: { sceneId: string; onScene: (id: string) => void }) {
  const snapshot = useTraining((s) => s.snapshot);
  const error = useTraining((s) => s.error);
  const notice = useTraining((s) => s.notice);
  const scene = sceneById(sceneId);
  return (
    <section className="card training" aria-labelledby="training-title">
      <h2 id="training-title">{scene?.title ?? 'Training'}</h2>
      {scene && (
        <p className="muted" data-testid="scene-caption">
          {scene.caption[0]}
          <br />
          {scene.caption[1]}
        </p>
      )}
      <TrainingControls sceneId={sceneId} onScene={onScene} />
      <ExperimentDrawer />
      {notice && (
        <Notice onDismiss={() => training.dismissNotice()}>
          <span data-testid="training-notice">{notice}</span>
        </Notice>
      )}
      {error && (
        <p className="error" role="alert" data-testid="training-error">
          {error}
        </p>
      )}
      {snapshot ? (
        <div className="runs" data-testid="runs" data-step={snapshot.step} data-backend={snapshot.backend}>
          {snapshot.runs.map((run) => (
            <RunCard key={run.runId} run={run} />
          ))}
        </div>
      ) : (
        <p className="muted" data-testid="loading-scene">
          Loading the scene…
        </p>
      )}
    </section>
  );
}
