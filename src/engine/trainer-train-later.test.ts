// The first picture does not wait for MNIST's training set: the step-0 snapshot is posted while it
// downloads, training starts once it is in, a failed download is reported and retried on the next play,
// and a new scene never waits for a download the old one started.
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../optim/testing/node-backends';
import type { AssetLoader } from './data/asset-loader';
import { nodeAssetLoader, projectPublicDir } from './data/node-asset-loader';
import { sceneById } from './scenes';
import { trainerHarness } from './testing/trainer-harness';

const fig1 = sceneById('fig1-mnist');
const rosenbrock = sceneById('rosenbrock');
if (!fig1 || !rosenbrock) throw new Error('scene missing');

/** The project's files, with the training files held until `release()`; `failNext` fails the next one. */
function gatedLoader() {
  const files = nodeAssetLoader(projectPublicDir());
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const state = { failNext: false, trainAsked: 0 };
  const loader: AssetLoader = async (path) => {
    if (path.includes('/train-')) {
      state.trainAsked += 1;
      await released;
      if (state.failNext) {
        state.failNext = false;
        throw new Error(`could not fetch ${path}: offline`);
      }
    }
    return files(path);
  };
  return { loader, release, state };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Trainer: the training data load after the first picture', () => {
  beforeAll(() => useBackend('cpu'));

  it('posts step 0 with its evaluation while the training set is held, then trains once it is in', async () => {
    const gate = gatedLoader();
    const { trainer, snapshots, statuses, until, errors } = trainerHarness(undefined, gate.loader);
    await trainer.load(fig1.experiment, 1);
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]?.step).toBe(0);
    expect(snapshots[0]?.runs[0]?.accuracy).toBeGreaterThan(0);
    expect(gate.state.trainAsked).toBe(0); // not even asked for before training starts
    trainer.play();
    await sleep(300);
    expect(gate.state.trainAsked).toBe(2); // images and labels
    expect(trainer.status.step).toBe(0);
    expect(statuses.at(-1)?.playing).toBe(true);
    gate.release();
    const later = await until((s) => s.step >= 3);
    expect(later.step).toBeGreaterThanOrEqual(3);
    await trainer.pause();
    expect(errors).toEqual([]);
    trainer.dispose();
  });

  it('a failed training download pauses with a message naming the file; the next play retries', async () => {
    const gate = gatedLoader();
    gate.state.failNext = true;
    gate.release();
    const { trainer, until, errors } = trainerHarness(undefined, gate.loader);
    await trainer.load(fig1.experiment, 1);
    trainer.play();
    for (let i = 0; i < 100 && errors.length === 0; i++) await sleep(20);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/train-(images|labels).*offline/);
    expect(trainer.status).toMatchObject({ playing: false, step: 0 });
    trainer.play();
    await until((s) => s.step >= 2);
    await trainer.pause();
    expect(errors).toHaveLength(1);
    trainer.dispose();
  });

  it('a new scene loads without waiting for the download the old one is waiting on', async () => {
    const gate = gatedLoader();
    const { trainer, snapshots, until, errors } = trainerHarness(undefined, gate.loader);
    await trainer.load(fig1.experiment, 1);
    trainer.play();
    await sleep(100);
    await trainer.load(rosenbrock.experiment, 5); // the MNIST files are still held
    const rosenbrockTitle = snapshots.at(-1)?.taskTitle;
    expect(rosenbrockTitle).not.toBe(snapshots[0]?.taskTitle);
    await until((s) => s.taskTitle === rosenbrockTitle && s.step >= 10);
    await trainer.pause();
    gate.release();
    expect(errors).toEqual([]);
    trainer.dispose();
  });
});
