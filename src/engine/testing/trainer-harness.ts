// Test helper: a Trainer (the worker loop) wired to arrays instead of postMessage, on the project's own
// data files, with a promise for "the first snapshot that passes this test".
import type { AssetLoader } from '../data/asset-loader';
import { nodeAssetLoader, projectPublicDir } from '../data/node-asset-loader';
import type { ExperimentConfig } from '../experiment';
import type { Checkpoint } from '../session/checkpoint-types';
import type { Snapshot } from '../session/snapshot-types';
import { Trainer, type TrainerStatus } from '../trainer';

/**
 * `checkpointEveryMs`: the recovery checkpoint interval (the Trainer's default when absent); `loader`:
 * where the data files come from (the project's public/ when absent).
 */
export function trainerHarness(checkpointEveryMs?: number, loader?: AssetLoader) {
  const snapshots: Snapshot[] = [];
  const statuses: TrainerStatus[] = [];
  const checkpoints: { checkpoint: Checkpoint; experiment: ExperimentConfig }[] = [];
  const errors: string[] = [];
  const waiters: { test: (s: Snapshot) => boolean; resolve: (s: Snapshot) => void }[] = [];
  const trainer = new Trainer(
    {
      snapshot: (s) => {
        snapshots.push(s);
        for (const w of waiters.splice(0)) w.test(s) ? w.resolve(s) : waiters.push(w);
      },
      status: (s) => statuses.push(s),
      error: (m) => errors.push(m),
      checkpoint: (checkpoint, experiment) => checkpoints.push({ checkpoint, experiment }),
    },
    loader ?? nodeAssetLoader(projectPublicDir()),
    checkpointEveryMs,
  );
  const until = (test: (s: Snapshot) => boolean) =>
    new Promise<Snapshot>((resolve) => waiters.push({ test, resolve }));
  return { trainer, snapshots, statuses, checkpoints, errors, until };
}
