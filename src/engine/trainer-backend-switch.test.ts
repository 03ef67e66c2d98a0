// Auto's measurement runs in the trainer's queue with other backends current in turn. A command that
// builds tensors meanwhile must wait for it: a run added mid-measurement once kept its weights on the
// backend being measured (on WebGPU, reading them back from the training backend would then give zeros).
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../optim/testing/node-backends';
import { sceneById } from './scenes';
import { trainerHarness } from './testing/trainer-harness';

const rosenbrock = sceneById('rosenbrock');
if (!rosenbrock) throw new Error('rosenbrock scene missing');

/** Tensors held by the WASM backend (the one "being measured" here). */
const onWasm = () => (tf.engine().findBackend('wasm') as tf.KernelBackend).numDataIds();

describe('Trainer commands during a measurement on another backend', () => {
  beforeAll(async () => {
    await useBackend('wasm');
    await useBackend('cpu');
  });

  it('builds an added run on the training backend, after the measurement', async () => {
    const { trainer, errors } = trainerHarness();
    await trainer.load(rosenbrock.experiment, 10);
    const before = onWasm();
    let finishMeasuring: () => void = () => undefined;
    const measuring = trainer.whileStopped(async () => {
      await tf.setBackend('wasm');
      await new Promise<void>((resolve) => {
        finishMeasuring = resolve;
      });
      await tf.setBackend('cpu');
    });
    await new Promise((resolve) => setTimeout(resolve, 10)); // the measurement is under way
    expect(tf.getBackend()).toBe('wasm');
    const added = trainer.addRun({ id: 'late', label: 'late Adam', spec: { name: 'adam' } });
    finishMeasuring();
    await measuring;
    await added;
    expect(tf.getBackend()).toBe('cpu');
    expect(onWasm()).toBe(before); // nothing of the new run stayed on the measured backend
    expect(trainer.experiment?.runs.map((r) => r.id)).toContain('late');
    await trainer.step(2); // and it trains with the others
    expect(errors).toEqual([]);
    trainer.dispose();
  });
});
