// Floating-point work of one training step of one run, from the model's parameter shapes and its task
// config (no tfjs: the bench computes FLOP rates with it in Node). The one place this is counted.
//
// Convention: only the matrix products and convolutions count (element-wise ops, softmax, pooling and
// the optimizer's update are small beside them). A multiply-add is 2 FLOPs. A training step is 3×
// the forward pass: the forward product, and in the backward pass one product for the inputs'
// gradient and one for the weights' gradient. So FLOPs = 6 · (forward multiply-adds per example) · batch.
// The first layer's input gradient is not needed and tfjs does not compute it; it is counted anyway,
// as is usual, so that rates stay comparable across models.

import type { TaskConfig } from './configs';

/** Parameter shapes by name, as the task's ParamSpecs (or a snapshot's layout) give them. */
export type ParamShapes = Readonly<Record<string, readonly number[]>>;

const product = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);

function shapeOf(shapes: ParamShapes, name: string): readonly number[] {
  const s = shapes[name];
  if (!s) throw new Error(`flops: the model has no parameter '${name}'`);
  return s;
}

/** Σ in·out over every 2-D '…/kernel': one example through dense layers. */
function denseMacs(shapes: ParamShapes): number {
  let macs = 0;
  for (const [name, shape] of Object.entries(shapes))
    if (name.endsWith('/kernel') && shape.length === 2) macs += product(shape);
  return macs;
}

/**
 * Conv kernels [k, k, c, f] ('valid', stride 1, each followed by a 2×2 pool) on an input of side
 * `side`: each costs k·k·c·f multiply-adds at each of its (side − k + 1)² output positions.
 */
function convMacs(shapes: ParamShapes, side: number): number {
  let macs = 0;
  let s = side;
  for (const [name, shape] of Object.entries(shapes)) {
    if (!(name.endsWith('/kernel') && shape.length === 4)) continue;
    const out = s - (shape[0] as number) + 1;
    macs += product(shape) * out * out;
    s = Math.floor(out / 2);
  }
  return macs;
}

/** Forward multiply-adds for one example (one window of `sequenceLength` characters for the char-LM). */
export function forwardMacsPerExample(config: TaskConfig, shapes: ParamShapes): number {
  switch (config.kind) {
    case 'mnist':
      return denseMacs(shapes) + (config.model === 'cnn' ? convMacs(shapes, 28) : 0);
    case 'classify2d':
      return denseMacs(shapes);
    case 'charlm': {
      // Per character: the one-hot embedding product [1, V]·[V, e], the gates' input and recurrent
      // products (GRU 3 gates, LSTM 4: read off the kernels' shapes), the output layer.
      const cell = config.cell ?? 'gru';
      const perCharacter =
        product(shapeOf(shapes, 'embedding')) +
        product(shapeOf(shapes, `${cell}/input-kernel`)) +
        product(shapeOf(shapes, `${cell}/recurrent-kernel`)) +
        product(shapeOf(shapes, 'output/kernel'));
      return perCharacter * config.sequenceLength;
    }
    case 'surface':
      return 0;
  }
}

/** FLOPs of one training step of one run (see the convention above); 0 for the 2-D loss surfaces. */
export function trainingFlopsPerStep(config: TaskConfig, shapes: ParamShapes): number {
  const batch = config.kind === 'surface' ? 1 : config.batchSize;
  return 6 * forwardMacsPerExample(config, shapes) * batch;
}
