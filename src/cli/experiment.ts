// `npm run experiment -- --scene <id> [--steps N] [--seed S] [--seeds N] [--out file.json]`: the app's
// engine, headless in Node (CPU or WASM backend), writing the headless JSON (docs/ARCHITECTURE.md) to --out or stdout;
// with several seeds it adds each seed's series and a summary, and prints the Table 1-style table.
// `npm run experiment -- --check [--fast | --scenes a,b]` checks the scenes' claims instead.

import { registerFusedKernel } from '../optim/fused/register';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { nodeAssetLoader } from '../engine/data/node-asset-loader';
import { SCENES, sceneById } from '../engine/scenes';
import { parseArgs, USAGE } from './args';
import { checkScenes, selectScenes } from './check-scenes';
import { type ExperimentResult, runExperiment } from './run-experiment';
import { runSeeds } from './run-seeds';
import { experimentWithRuns } from './scene-runs';
import { formatSeedTable } from './seed-table';

/** One line per run: its final loss, accuracy and A-LR range (single-seed runs). */
function printFinals(result: ExperimentResult): void {
  for (const run of result.runs) {
    const last = run.snapshots[run.snapshots.length - 1];
    if (!last) continue;
    const acc = last.accuracy !== undefined ? `  accuracy ${(100 * last.accuracy).toFixed(1)}%` : '';
    process.stderr.write(
      `  ${run.label.padEnd(16)} loss ${last.loss.toPrecision(3)}${acc}  A-LR ${last.alr.min.toExponential(2)} … ${last.alr.max.toExponential(2)}  (${last.ordersOfMagnitude.toFixed(1)} orders)${run.divergedAt !== null ? `  diverged at step ${run.divergedAt}` : ''}\n`,
    );
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const scene = args.check ? undefined : sceneById(args.scene);
  if (!args.check && !scene)
    throw new Error(`unknown scene '${args.scene}'; scenes: ${SCENES.map((s) => s.id).join(', ')}`);
  const toCheck = args.check ? selectScenes(SCENES, args) : [];
  if (args.backend === 'wasm') {
    const require = createRequire(import.meta.url);
    setWasmPaths(
      `${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`,
    );
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  }
  tf.env().set('PROD', true); // no "install tfjs-node" banner: this runner is meant to use cpu/wasm
  if (!(await tf.setBackend(args.backend))) {
    if (args.backend === 'cpu' || !(await tf.setBackend('cpu')))
      throw new Error(`the ${args.backend} backend failed to start`);
    process.stderr.write(`the ${args.backend} backend failed to start; running on cpu\n`);
  }
  await registerFusedKernel(tf.getBackend());
  const loader = nodeAssetLoader(path.resolve(process.cwd(), 'public'));
  if (!scene) {
    const outcomes = await checkScenes(toCheck, loader, (text) => process.stdout.write(text));
    if (outcomes.some((o) => !o.pass)) process.exitCode = 1;
    return;
  }
  const started = performance.now();
  const experiment = experimentWithRuns(scene.experiment, args.runs, args.phi);
  const seedCount = args.seeds ?? scene.repeat?.seeds ?? 1;
  const progress = (text: string) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${scene.id}: ${text}`);
  };
  const sceneToRun = { ...scene, experiment };
  const options = { steps: args.steps, seed: args.seed, every: args.every, loader };
  const done = (steps: number, backend: string, seedWords = '') =>
    process.stderr.write(
      `\r${scene.id}: ${steps} steps${seedWords} on ${backend} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  let result: ExperimentResult;
  if (seedCount === 1) {
    result = await runExperiment(sceneToRun, { ...options, onProgress: (step) => progress(`step ${step}`) });
    done(result.steps, result.backend);
    printFinals(result);
  } else {
    const seeded = await runSeeds(sceneToRun, {
      ...options,
      seedCount,
      onProgress: (k, step) => progress(`seed ${k + 1}/${seedCount}, step ${step}`),
    });
    done(seeded.steps, seeded.backend, ` × ${seedCount} seeds`);
    const data = seeded.varyData ? 'data varied too' : 'same data split';
    const heading = `${scene.title}: final values over ${seedCount} seeds (new init and batch order each; ${data}), ${seeded.steps} steps`;
    process.stderr.write(formatSeedTable(heading, seeded.summary));
    result = seeded;
  }
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (args.out) await writeFile(args.out, json);
  else process.stdout.write(json);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
  process.exit(1);
});
