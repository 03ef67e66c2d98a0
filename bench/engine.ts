// engineRatio: steps/s of the app's Session on fig1-mnist (two runs, a snapshot every 10 steps)
// divided by a minimal hand-written loop doing the same two updates (same task, same loss, no
// snapshots). Blocks of steps alternate between the two; median block time of each. The Session
// snapshots as the trainer does while playing: budgeted test evaluation (session/eval-budget.ts).

import * as tf from '@tensorflow/tfjs-core';
import type { AssetLoader } from '../src/engine/data/asset-loader';
import { sceneById } from '../src/engine/scenes';
import { Session } from '../src/engine/session/session';
import { createTask } from '../src/engine/tasks';
import { createOptimizer } from '../src/optim';
import { median, now } from './measure';

export interface EngineRatio {
  sessionStepsPerS: number;
  loopStepsPerS: number;
  ratio: number;
  blocks: number;
}

export async function measureEngineRatio(
  loader: AssetLoader,
  blocks: number,
  blockSteps = 10,
  /** The clock blocks are timed by: wall time; bench/engine-only.ts may pass CPU time instead. */
  clock: () => number = now,
): Promise<EngineRatio> {
  const scene = sceneById('fig1-mnist');
  if (!scene) throw new Error('no fig1-mnist scene');
  const config = scene.experiment;
  const session = await Session.create(config, loader);

  // The hand-written loop: the same task (data, model, loss) and the same two optimizers.
  const task = await createTask(config.task, config.seeds, loader);
  const runs = config.runs.map((r, k) => {
    const vars = task.params.map((p) =>
      tf.variable(tf.tensor(p.values, p.shape, 'float32'), true, `loop${k}/${p.name}`),
    );
    const params = Object.fromEntries(task.params.map((p, i) => [p.name, vars[i] as tf.Variable]));
    return { vars, params, opt: createOptimizer(r.spec) };
  });
  const tiny = runs[0]?.vars[runs[0].vars.length - 1] as tf.Variable;
  const loopBlock = async (): Promise<number> => {
    const t0 = clock();
    for (let s = 0; s < blockSteps; s++) {
      const batch = task.nextBatch();
      for (const r of runs) r.opt.minimize(() => task.loss(r.params, batch), false, r.vars);
      if (batch) tf.dispose([batch.x, batch.y]);
    }
    const sum = tf.sum(tiny);
    await sum.data();
    sum.dispose();
    return clock() - t0;
  };
  const sessionBlock = async (): Promise<number> => {
    const t0 = clock();
    session.advance(blockSteps);
    await session.snapshot({ budgeted: true }); // as the app snapshots while playing
    return clock() - t0;
  };
  await sessionBlock();
  await loopBlock();
  const s: number[] = [];
  const l: number[] = [];
  for (let i = 0; i < blocks; i++) {
    if (i % 2) {
      s.push(await sessionBlock());
      l.push(await loopBlock());
    } else {
      l.push(await loopBlock());
      s.push(await sessionBlock());
    }
  }
  session.dispose();
  task.releaseTensors();
  for (const r of runs) {
    r.opt.dispose();
    tf.dispose(r.vars);
  }
  const sessionStepsPerS = (1000 * blockSteps) / median(s);
  const loopStepsPerS = (1000 * blockSteps) / median(l);
  return { sessionStepsPerS, loopStepsPerS, ratio: sessionStepsPerS / loopStepsPerS, blocks };
}
