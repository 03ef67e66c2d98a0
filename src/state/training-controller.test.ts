import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EngineClient } from '../engine/client';
import { sceneById } from '../engine/scenes';
import type { TaskConfig } from '../engine/tasks/configs';
import type { EngineConnection } from './engine-connection';
import { createTrainingController } from './training-controller';
import { createTrainingStore } from './training-store';

beforeAll(() => vi.stubGlobal('document', { baseURI: 'http://x.test/' }));
afterAll(() => vi.unstubAllGlobals());

const fig1 = sceneById('fig1-mnist');
if (!fig1) throw new Error('scene');

/** A controller on a fake engine; `hold` makes step commands wait until released. */
function setup(hold: false | 'step' | 'load' = false) {
  const training = createTrainingStore();
  const sent: { type: string; count?: number }[] = [];
  const waiting: (() => void)[] = [];
  const client = {
    listen: vi.fn(),
    send: vi.fn(async (c: { type: string; count?: number }) => {
      sent.push(c);
      if (hold === c.type) await new Promise<void>((resolve) => waiting.push(resolve));
    }),
  } as unknown as EngineClient;
  const connection = { client: () => client, markExperimentLoaded: vi.fn() } as unknown as EngineConnection;
  const controller = createTrainingController(connection, training);
  const release = () => waiting.shift()?.();
  return { training, sent, controller, release };
}

const settle = async (times = 20) => {
  for (let i = 0; i < times; i++) await new Promise((r) => setTimeout(r, 0));
};
const steps = (sent: { type: string; count?: number }[]) =>
  sent.filter((c) => c.type === 'step').map((c) => c.count);

describe('the first screen', () => {
  it('warms up a fixed number of steps in step commands, then says so', async () => {
    const { training, sent, controller } = setup();
    await controller.loadScene(fig1, 'warm-up');
    await settle(60);
    expect(sent.slice(0, 3).map((c) => c.type)).toEqual(['load', 'setSpeed', 'setShownField']);
    expect(steps(sent)).toEqual([1, 9, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(training.store.getState().firstScreen).toEqual({ phase: 'warmed', target: 100 });
  });

  it('stops warming up at the first command that drives training', async () => {
    const { training, sent, controller, release } = setup('step');
    await controller.loadScene(fig1, 'warm-up');
    await settle();
    expect(training.store.getState().firstScreen).toEqual({ phase: 'warming', target: 100 });
    release();
    await settle();
    expect(steps(sent)).toEqual([1, 9]);
    await controller.play();
    release(); // the step in flight finishes; no other follows
    await settle();
    expect(steps(sent)).toEqual([1, 9]);
    expect(sent.at(-1)?.type).toBe('play');
    expect(training.store.getState().firstScreen).toBeNull();
  });

  it('does not start when a command came while the scene loaded (a tour plays at once)', async () => {
    const { training, sent, controller, release } = setup('load');
    const loading = controller.loadScene(fig1, 'warm-up');
    await settle();
    await controller.play();
    release();
    await loading;
    await settle();
    expect(steps(sent)).toEqual([]);
    expect(training.store.getState().firstScreen).toBeNull();
  });

  it('asks for a click instead with reduced motion, and loads later scenes at step 0', async () => {
    const { training, sent, controller } = setup();
    await controller.loadScene(fig1, 'prompt');
    await settle();
    expect(steps(sent)).toEqual([]);
    expect(training.store.getState().firstScreen).toEqual({ phase: 'prompt' });
    await controller.loadScene(fig1);
    await settle();
    expect(steps(sent)).toEqual([]);
    expect(training.store.getState().firstScreen).toBeNull();
  });
});

describe('run labels', () => {
  it('follow the settings they name, stay as typed, and go back to the scene’s when cleared', async () => {
    const { training, controller } = setup();
    await controller.loadScene(fig1);
    const label = (id: string) => training.store.getState().experiment?.runs.find((r) => r.id === id)?.label;
    await controller.setSpec('sadam', { softplusBeta: 52.5 });
    expect(label('sadam')).toBe('Sadam β=52.5');
    await controller.setSpec('adam', { lr: 0.01 });
    expect(label('adam')).toBe('Adam');
    controller.setLabel('sadam', '  my Sadam  ');
    await controller.setSpec('sadam', { softplusBeta: 10 });
    expect(label('sadam')).toBe('my Sadam');
    controller.setLabel('sadam', '');
    expect(label('sadam')).toBe('Sadam β=10');
    expect(
      training.store.getState().experiment?.runs.find((r) => r.id === 'sadam')?.labelTyped,
    ).toBeUndefined();
  });
});

describe('the seed count', () => {
  it('sends the count, keeps it in the experiment, and refuses one over the budget without sending', async () => {
    const { training, sent, controller } = setup();
    await controller.loadScene(fig1);
    expect(await controller.setSeedCount(3)).toBe(true);
    expect(sent.at(-1)).toEqual({ type: 'setSeedCount', count: 3 });
    expect(training.store.getState().experiment?.seedCount).toBe(3);
    expect(await controller.setSeedCount(1)).toBe(true);
    expect(training.store.getState().experiment).not.toHaveProperty('seedCount');
    // 1.07 M parameters per run × 2 runs fits on one seed, not on five.
    const wide: TaskConfig = {
      kind: 'mnist',
      model: 'mlp',
      hidden: [1024, 256],
      activation: 'relu',
      batchSize: 64,
    };
    expect(await controller.setTask(wide)).toBe(true);
    const before = sent.length;
    expect(await controller.setSeedCount(5)).toBe(false);
    expect(sent.length).toBe(before);
    expect(training.store.getState().refusal?.size.seeds).toBe(5);
    expect(training.store.getState().experiment).not.toHaveProperty('seedCount');
  });
});
