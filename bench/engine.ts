// engineRatio: steps/s of the app's Session on fig1-mnist (two runs, a snapshot every 10 steps)
// divided by a minimal hand-written loop doing the same two updates (same task, same loss, no
// snapshots). Blocks of steps alternate between the two; median block time of each. The Session
// snapshots as the trainer does while playing: budgeted test evaluation (session/eval-budget.ts).
// The evaluations have a budget of their own (≤ 4 % of the time), so the ratio compares the blocks
// without one: a fresh Session evaluates at steps 10, 20, 40, 80, … (eval-budget.ts's early
// schedule), and on CPU, where an evaluation costs a third of a block, 3–4 of 8 blocks evaluated and
// their number, not the snapshot's cost, set the median. How many did is in `evaluatedBlocks`.
// Each snapshot's field buffers are given back to the engine's pool, as the app's page does once it has
// drawn them (state/field-loans.ts), so that later snapshots reuse them.
// The ratio is the median of side-by-side pairs (a Session block ÷ the loop block run next to it), so
// that this machine's slow phases, which last seconds, weigh on both halves of a pair alike; the ratio
// of the two medians, which they skewed (one repetition 0.89–0.96 by it, 0.93–0.96 paired), is kept
// as `ratioOfMedians`.

import * as tf from '@tensorflow/tfjs-core';
import type { AssetLoader } from '../src/engine/data/asset-loader';
import { sceneById } from '../src/engine/scenes';
import { fieldBuffers } from '../src/engine/session/field-buffers';
import { Session } from '../src/engine/session/session';
import { transferables } from '../src/engine/session/snapshot';
import { createTask } from '../src/engine/tasks';
import { createOptimizer } from '../src/optim';
import { median, now } from './measure';

export interface EngineRatio {
  sessionStepsPerS: number;
  loopStepsPerS: number;
  /** Median over pairs without an evaluation of loop block time ÷ Session block time. */
  ratio: number;
  /** sessionStepsPerS ÷ loopStepsPerS (the measure before pairs). */
  ratioOfMedians: number;
  blocks: number;
  /** Session blocks whose snapshot ran a test evaluation (left out of the session's median). */
  evaluatedBlocks: number;
  /** The session's steps/s by the median of all its blocks, evaluations included (the old measure). */
  sessionStepsPerSAllBlocks: number;
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
  await task.prepareTraining?.();
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
  /** The block's time, and whether its snapshot evaluated. */
  const sessionBlock = async (): Promise<{ ms: number; evaluated: boolean }> => {
    const t0 = clock();
    session.advance(blockSteps);
    const snapshot = await session.snapshot({ budgeted: true }); // as the app snapshots while playing
    // The page hands a snapshot's field buffers back once it is done with them, for the next ones to reuse.
    fieldBuffers.give(transferables(snapshot));
    const ms = clock() - t0;
    return { ms, evaluated: snapshot.runs.some((r) => r.evaluatedAt === snapshot.step) };
  };
  await sessionBlock();
  await loopBlock();
  const s: { ms: number; evaluated: boolean }[] = [];
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
  // Block i of the Session and block i of the loop ran next to each other (in either order).
  const allPairs = s.map((b, i) => ({ ...b, loopMs: l[i] as number }));
  const plainPairs = allPairs.filter((p) => !p.evaluated);
  // (Every block evaluated only in a quick run of very few blocks: then all of them count.)
  const pairs = plainPairs.length ? plainPairs : allPairs;
  const sessionStepsPerS = (1000 * blockSteps) / median(pairs.map((p) => p.ms));
  const loopStepsPerS = (1000 * blockSteps) / median(l);
  const evaluatedBlocks = s.length - plainPairs.length;
  const sessionStepsPerSAllBlocks = (1000 * blockSteps) / median(s.map((b) => b.ms));
  return {
    sessionStepsPerS,
    loopStepsPerS,
    ratio: median(pairs.map((p) => p.loopMs / p.ms)),
    ratioOfMedians: sessionStepsPerS / loopStepsPerS,
    blocks,
    evaluatedBlocks,
    sessionStepsPerSAllBlocks,
  };
}
