import { describe, expect, it } from 'vitest';
import { nodeAssetLoader, projectPublicDir } from '../data/node-asset-loader';
import { trainingFlopsPerStep } from './flops';
import { createTask, DEFAULT_CHAR_LM, DEFAULT_MNIST, type TaskConfig } from './index';

const loader = nodeAssetLoader(projectPublicDir());
async function shapesOf(config: TaskConfig): Promise<Record<string, number[]>> {
  const task = await createTask(config, { data: 1, init: 1, batches: 1 }, loader);
  return Object.fromEntries(task.params.map((p) => [p.name, p.shape]));
}

describe('training FLOPs per step (6 · forward multiply-adds · batch)', () => {
  it('the MNIST MLP 784-128-64-10, batch 64', async () => {
    const shapes = await shapesOf(DEFAULT_MNIST);
    expect(trainingFlopsPerStep(DEFAULT_MNIST, shapes)).toBe(6 * 64 * (784 * 128 + 128 * 64 + 64 * 10));
  });

  it('the LeNet-style CNN: each conv tap at each output position, then the dense layers', async () => {
    const config = { ...DEFAULT_MNIST, model: 'cnn' as const, batchSize: 32 };
    const shapes = await shapesOf(config);
    // conv1 5·5·1·6 at 24×24; conv2 5·5·6·16 at 8×8 (after a 2×2 pool: 12×12 → 8×8); 256·120; 120·10.
    const macs = 150 * 576 + 2400 * 64 + 256 * 120 + 120 * 10;
    expect(trainingFlopsPerStep(config, shapes)).toBe(6 * 32 * macs);
  });

  it('the char-GRU: per character the embedding, three gates in and recurrent, the output layer', async () => {
    const shapes = await shapesOf(DEFAULT_CHAR_LM);
    const vocab = shapes.embedding?.[0] as number;
    expect(vocab).toBeGreaterThan(30);
    const { embedding: e, hidden: u, sequenceLength: length, batchSize } = DEFAULT_CHAR_LM;
    const perCharacter = vocab * e + e * 3 * u + u * 3 * u + u * vocab;
    expect(trainingFlopsPerStep(DEFAULT_CHAR_LM, shapes)).toBe(6 * perCharacter * length * batchSize);
  });

  it('the char-LSTM: four gates in and recurrent (its own parameter names)', async () => {
    const config = { ...DEFAULT_CHAR_LM, cell: 'lstm' as const };
    const shapes = await shapesOf(config);
    expect(shapes['gru/input-kernel']).toBeUndefined();
    const vocab = shapes.embedding?.[0] as number;
    const { embedding: e, hidden: u, sequenceLength: length, batchSize } = config;
    const perCharacter = vocab * e + e * 4 * u + u * 4 * u + u * vocab;
    expect(trainingFlopsPerStep(config, shapes)).toBe(6 * perCharacter * length * batchSize);
  });

  it('names a missing parameter; a loss surface does no matrix work', () => {
    expect(() => trainingFlopsPerStep(DEFAULT_CHAR_LM, {})).toThrow(/embedding/);
    expect(trainingFlopsPerStep({ kind: 'surface', surface: 'rosenbrock' }, { xy: [2] })).toBe(0);
  });
});
