// Everything that is not a run's hyperparameter: task and model, batch size, seeds, and what the
// heatmaps show. Task and model changes restart training, and the drawer says so before you apply.
// The drawer starts closed, so its body (fields, CSV import) is a lazy chunk, not initial JavaScript, and
// is rendered from its first opening on: rendered inside the closed <details>, it cost the page ~80 ms of
// main-thread time while the first snapshot was on its way (issue #12, firstStepMs).
import { lazy, Suspense, useState } from 'react';
import { useT } from './i18n';
import { describeTask } from './task-form';
import { useTraining } from './use-training';

const DrawerBody = lazy(() => import('./experiment-drawer-body'));

export function ExperimentDrawer() {
  const experiment = useTraining((s) => s.experiment);
  const t = useT();
  // Kept once opened, so that closing the drawer keeps what its fields hold.
  const [opened, setOpened] = useState(false);
  if (!experiment) return null;
  const seeds = experiment.seeds;
  return (
    <details
      className="drawer"
      id="experiment-drawer"
      data-testid="experiment-drawer"
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary>
        {t('drawer.title')}{' '}
        <span className="muted small">
          {t('drawer.summary', {
            task: describeTask(experiment.task),
            data: seeds.data,
            init: seeds.init,
            batches: seeds.batches,
          })}
        </span>
      </summary>
      {opened && (
        <Suspense fallback={null}>
          <DrawerBody />
        </Suspense>
      )}
    </details>
  );
}
