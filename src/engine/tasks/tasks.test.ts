import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../optim/testing/node-backends';
import { nodeAssetLoader, projectPublicDir } from '../data/node-asset-loader';
import type { ExperimentConfig } from '../experiment';
import { SCENES } from '../scenes';
import { Session } from '../session/session';
import { DEFAULT_CHAR_LM, DEFAULT_MNIST, type TaskConfig } from './configs';
import { createTask } from './index';
import { SURFACE_DEFINITIONS, surfaceValue } from './surface-defs';

const loader = nodeAssetLoader(projectPublicDir());
const seeds = { data: 1, init: 1, batches: 1 };
const pair = (task: TaskConfig): ExperimentConfig => ({
  task,
  runs: [
    { id: 'adam', label: 'Adam', spec: { name: 'adam', lr: 3e-3 } },
    { id: 'sadam', label: 'Sadam', spec: { name: 'sadam', lr: 3e-2, softplusBeta: 50 } },
  ],
  seeds,
});

describe('tasks', () => {
  beforeAll(() => useBackend('wasm'));

  it('the LeNet-style CNN trains on every CPU-side backend (tf.conv2d, with the registered filter gradient on WASM)', async () => {
    const session = await Session.create(pair({ ...DEFAULT_MNIST, model: 'cnn', batchSize: 16 }), loader);
    session.advance(3);
    const snap = await session.snapshot();
    expect(snap.taskTitle).toContain('CNN');
    expect(snap.runs[0]?.layout.map((l) => l.name)).toEqual([
      'conv1/kernel',
      'conv1/bias',
      'conv2/kernel',
      'conv2/bias',
      'dense1/kernel',
      'dense1/bias',
      'dense2/kernel',
      'dense2/bias',
    ]);
    expect(snap.runs[0]?.layout[0]).toMatchObject({ shape: [5, 5, 1, 6], display: { kind: 'conv' } });
    expect(snap.runs.every((r) => Number.isFinite(r.trainLoss))).toBe(true);
    const view = snap.runs[0]?.view;
    expect(view?.kind).toBe('digits');
    if (view?.kind === 'digits') expect(view.predictions).toHaveLength(16);
    session.dispose();
  });

  it("the MNIST MLP's first layer is marked as 28×28 tiles", async () => {
    const session = await Session.create(pair(DEFAULT_MNIST), loader);
    session.advance(1);
    const snap = await session.snapshot();
    expect(snap.runs[0]?.layout[0]).toMatchObject({
      name: 'dense1/kernel',
      shape: [784, 128],
      display: { kind: 'tiles', tileRows: 28, tileCols: 28 },
    });
    session.dispose();
  });

  it("char-GRU: rare characters' embedding rows get Adam's largest A-LR; Sadam's stays capped", async () => {
    const session = await Session.create(
      pair({ ...DEFAULT_CHAR_LM, sequenceLength: 12, batchSize: 16 }),
      loader,
    );
    session.advance(1);
    await session.snapshot();
    const before = tf.memory().numTensors; // optimizer state and test data now exist
    session.advance(14);
    const snap = await session.snapshot();
    expect(tf.memory().numTensors).toBe(before);
    const [adam, sadam] = snap.runs;
    const embedding = adam?.layout.find((l) => l.name === 'embedding');
    // The GRU's kernels and bias say which column block is which gate (the heatmaps split them).
    for (const name of ['gru/input-kernel', 'gru/recurrent-kernel', 'gru/bias'])
      expect(adam?.layout.find((l) => l.name === name)?.display).toEqual({
        kind: 'gates',
        gates: ['z', 'r', 'h'],
      });
    if (!adam || !sadam || !embedding) throw new Error('missing run or embedding');
    const [chars, width] = embedding.shape as [number, number];
    const rowMax = (alr: Float32Array, row: number) =>
      Math.max(...alr.subarray(embedding.offset + row * width, embedding.offset + (row + 1) * width));
    // Rows are sorted by frequency: row 0 is the commonest character (space), the last the rarest.
    expect(rowMax(adam.alr, chars - 1)).toBeGreaterThan(100 * rowMax(adam.alr, 0));
    expect(sadam.alrStats.max).toBeLessThanOrEqual(50 / Math.LN2 + 1e-3);
    const view = adam.view;
    expect(view.kind).toBe('text');
    if (view.kind === 'text') expect(view.sample.startsWith('Shall I compare thee')).toBe(true);
    session.dispose();
  });

  it('char-LSTM: gates i, f, g, o, forget bias 1, no leaks over steps, loss falls, Sadam capped', async () => {
    const task = { ...DEFAULT_CHAR_LM, cell: 'lstm', sequenceLength: 12, batchSize: 16 } as const;
    const built = await createTask(task, seeds, loader);
    const bias = built.params.find((p) => p.name === 'lstm/bias');
    const u = task.hidden;
    expect(bias?.shape).toEqual([4 * u]);
    // Block 1 is the forget gate: 1; the others 0.
    expect(Array.from(bias?.values ?? []).map((v, k) => (Math.floor(k / u) === 1 ? v - 1 : v))).toEqual(
      new Array(4 * u).fill(0),
    );
    built.releaseTensors();
    const rnn = { ...task, cell: 'rnn' } as unknown as TaskConfig;
    await expect(createTask(rnn, seeds, loader)).rejects.toThrow(
      /unknown recurrent cell 'rnn': expected gru or lstm/,
    );
    const session = await Session.create(pair(task), loader);
    session.advance(1);
    const first = await session.snapshot();
    const before = tf.memory().numTensors;
    session.advance(20);
    const snap = await session.snapshot();
    expect(tf.memory().numTensors).toBe(before);
    expect(snap.taskTitle).toContain('LSTM');
    const [adam, sadam] = snap.runs;
    for (const name of ['lstm/input-kernel', 'lstm/recurrent-kernel', 'lstm/bias'])
      expect(adam?.layout.find((l) => l.name === name)?.display).toEqual({
        kind: 'gates',
        gates: ['i', 'f', 'g', 'o'],
      });
    expect(adam?.layout.some((l) => l.name.startsWith('gru/'))).toBe(false);
    for (const [i, run] of snap.runs.entries())
      expect(run.trainLoss).toBeLessThan((first.runs[i]?.trainLoss ?? 0) - 0.05);
    expect(sadam?.alrStats.max).toBeLessThanOrEqual(50 / Math.LN2 + 1e-3);
    const view = adam?.view;
    if (view?.kind === 'text') expect(view.sample.startsWith('Shall I compare thee')).toBe(true);
    else throw new Error('no text sample');
    session.dispose();
  });

  it('loss surfaces: the tf loss matches the float64 formula and the minimum is a minimum', async () => {
    for (const [key, def] of Object.entries(SURFACE_DEFINITIONS)) {
      const name = key as keyof typeof SURFACE_DEFINITIONS;
      const f64 = (x: number, y: number) => surfaceValue(name, x, y);
      const session = await Session.create({
        ...pair({ kind: 'surface', surface: name }),
        runs: [{ id: 'sgd', label: 'SGD', spec: { name: 'sgdm', lr: 0 } }],
      });
      session.advance(1);
      const snap = await session.snapshot();
      // Stochastic surfaces add n·(x, y) with n of size noiseStd: within that of the mean surface.
      const noise = def.noiseStd ? 5 * Math.hypot(...def.noiseStd) * Math.hypot(...def.start) : 0;
      expect(Math.abs((snap.runs[0]?.losses[0] ?? Number.NaN) - f64(...def.start))).toBeLessThanOrEqual(
        1e-3 * Math.max(1, Math.abs(f64(...def.start))) + noise,
      );
      const [mx, my] = def.minimum;
      for (const [dx, dy] of [
        [1e-3, 0],
        [0, 1e-3],
        [-1e-3, 0],
        [0, -1e-3],
      ] as const) {
        expect(f64(mx + dx, my + dy)).toBeGreaterThan(f64(mx, my));
      }
      session.dispose();
    }
  });

  it('every scene builds, with 1–4 runs and a two-line caption', async () => {
    expect(new Set(SCENES.map((s) => s.id)).size).toBe(SCENES.length);
    for (const id of ['fig1-mnist', 'eps-matters', 'beta-sweep', 'rosenbrock'])
      expect(SCENES.map((s) => s.id)).toContain(id);
    for (const scene of SCENES) {
      expect(scene.experiment.runs.length).toBeGreaterThanOrEqual(1);
      expect(scene.experiment.runs.length).toBeLessThanOrEqual(4);
      expect(scene.caption.every((line) => line.length > 10)).toBe(true);
    }
  });
});
