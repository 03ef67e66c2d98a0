import { describe, expect, it, vi } from 'vitest';
import type { EngineClient } from '../engine/client';
import type { ExperimentConfig } from '../engine/experiment';
import type { BackendReady } from '../engine/protocol';
import type { Checkpoint } from '../engine/session/checkpoint-types';
import type { RunSnapshot, Snapshot } from '../engine/session/snapshot-types';
import type { EngineConnection } from './engine-connection';
import { createEngineRecovery } from './engine-recovery';
import { createTrainingStore } from './training-store';

const experiment = {
  task: { kind: 'surface', surface: 'rosenbrock' },
  seeds: { data: 1, init: 1, batches: 1 },
  runs: [{ id: 'a', label: 'Adam', spec: { name: 'adam', lr: 0.001 } }],
} as unknown as ExperimentConfig;
const checkpoint = (step: number) =>
  ({ step, runs: [{ config: experiment.runs[0] }] }) as unknown as Checkpoint;
const ready: BackendReady = {
  backend: 'wasm',
  preference: 'auto',
  reason: { kind: 'backendAutoFastest', backend: 'wasm' },
  notes: [],
  initMs: 1,
};
const crashed = { kind: 'workerCrashed', detail: 'boom' } as const;
const gone = { kind: 'workerSilent', seconds: 5 } as const;

function snap(step: number): Snapshot {
  const run = { runId: 'a', step, trainLoss: 1 / (step + 1), alrStats: {}, alr: new Float32Array(1) };
  return { step, backend: 'wasm', taskTitle: 't', runs: [run as unknown as RunSnapshot] };
}

function setup(restartResult: BackendReady | null = ready) {
  const training = createTrainingStore();
  const sent: { type: string }[] = [];
  const client = { send: vi.fn(async (c: { type: string }) => void sent.push(c)) } as unknown as EngineClient;
  const connection = {
    restart: vi.fn(async () => restartResult),
    markExperimentLoaded: vi.fn(),
    backendChanged: vi.fn(),
  } as unknown as EngineConnection;
  const recovery = createEngineRecovery(
    connection,
    training,
    () => client,
    () => 'http://x/',
  );
  return { training, sent, connection, on: recovery.listeners };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('engine recovery (page side)', () => {
  it('a dead worker: restart, restore the last checkpoint, put settings back, resume playing, say so', async () => {
    const { training, sent, connection, on } = setup();
    training.setExperiment({
      ...experiment,
      runs: [{ ...experiment.runs[0], spec: { name: 'adam', lr: 0.002 } }],
    } as ExperimentConfig);
    for (const step of [0, 10, 20, 30]) training.receiveSnapshot(snap(step));
    training.receiveStatus({ playing: true, step: 30, stepsPerTick: 5, snapshotEvery: 10 });
    on.checkpoint?.(checkpoint(20), experiment);
    on.dead?.(crashed);
    await settle();
    expect(connection.restart).toHaveBeenCalledTimes(1);
    expect(sent.map((c) => c.type)).toEqual(['restore', 'setSpeed', 'setShownField', 'setSpec', 'play']);
    expect(sent[0]).toMatchObject({ type: 'restore', checkpoint: { step: 20 }, snapshotEvery: 10 });
    expect(sent[1]).toMatchObject({ stepsPerTick: 5 });
    expect(sent[3]).toMatchObject({ runId: 'a', spec: { lr: 0.002 } });
    const state = training.store.getState();
    expect(state.notice).toEqual({ kind: 'engineRestarted', stop: crashed, step: 20 });
    expect(state.history.a?.points().map((p) => p.step)).toEqual([0, 10, 20]);
  });

  it('does not resume what was paused', async () => {
    const { training, sent, on } = setup();
    training.setExperiment(experiment);
    training.receiveStatus({ playing: false, step: 30, stepsPerTick: 1, snapshotEvery: 10 });
    on.checkpoint?.(checkpoint(30), experiment);
    on.dead?.(gone);
    await settle();
    expect(sent.map((c) => c.type)).not.toContain('play');
  });

  it('gives up (and says so) after three restarts within a minute, and when no worker starts', async () => {
    const { training, connection, on } = setup();
    training.setExperiment(experiment);
    for (let i = 0; i < 4; i++) {
      on.dead?.(gone);
      await settle();
    }
    expect(connection.restart).toHaveBeenCalledTimes(3);
    expect(training.store.getState().error).toEqual({ kind: 'engineGaveUp', stop: gone, times: 3 });

    const failing = setup(null);
    failing.on.dead?.(gone);
    await settle();
    expect(failing.training.store.getState().error).toEqual({ kind: 'engineNotRestarted', stop: gone });
  });

  it('a lost GPU: the charts rewind to the checkpoint, the badge follows the new backend, the notice says where', () => {
    const { training, connection, on } = setup();
    for (const step of [0, 10, 20, 30]) training.receiveSnapshot(snap(step));
    const lost = { kind: 'webGpuDeviceLost', reason: 'destroyed', detail: '' } as const;
    on.recovering?.(lost, 10);
    expect(
      training.store
        .getState()
        .history.a?.points()
        .map((p) => p.step),
    ).toEqual([0, 10]);
    expect(training.store.getState().notice).toEqual({ kind: 'backendMoving', lost, step: 10 });
    on.recovered?.(10, ready);
    expect(connection.backendChanged).toHaveBeenCalledWith(ready);
    expect(training.store.getState().notice).toEqual({
      kind: 'backendMoved',
      lost,
      backend: 'wasm',
      step: 10,
    });
  });
});
