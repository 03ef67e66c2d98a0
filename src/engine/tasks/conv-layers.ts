// The CNN's layers: a 'valid' convolution + bias + relu as one forward kernel (FusedConv2D, on every
// backend) with its gradient written out here, and a 2×2 max-pool. The gradients run Conv2DBackpropInput
// and Conv2DBackpropFilter (WASM's missing filter gradient is registered by
// kernels/conv2d-backprop-filter-wasm.ts).
//
// Why not tf.relu(tf.add(tf.conv2d(…), bias)): under a gradient tape that is three forward kernels, and
// tfjs's own tf.fused.conv2d refuses to fuse a relu while recording gradients. On WASM the broadcast bias
// add alone cost about as much as the first layer's forward convolution (docs/PERFORMANCE.md).

import * as tf from '@tensorflow/tfjs-core';
import { registerConvKernelsWasm } from '../kernels/conv2d-backprop-filter-wasm';

// Registration is global and idempotent; it must precede the first gradient on WASM.
registerConvKernelsWasm();

const GEOMETRY = { strides: 1, pad: 'valid', dataFormat: 'NHWC', dimRoundingMode: undefined } as const;

function convReluForward(x: tf.Tensor4D, kernel: tf.Tensor4D, bias: tf.Tensor1D): tf.Tensor4D {
  return tf.engine().runKernel(tf.FusedConv2D, { x, filter: kernel, bias }, {
    ...GEOMETRY,
    dilations: 1,
    activation: 'relu',
  } as unknown as tf.NamedAttrMap) as tf.Tensor4D;
}

function filterGradient(x: tf.Tensor4D, dy: tf.Tensor4D, filterShape: number[]): tf.Tensor4D {
  return tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, {
    ...GEOMETRY,
    filterShape,
  } as unknown as tf.NamedAttrMap) as tf.Tensor4D;
}

function inputGradient(dy: tf.Tensor4D, kernel: tf.Tensor4D, inputShape: number[]): tf.Tensor4D {
  return tf.engine().runKernel(tf.Conv2DBackpropInput, { dy, filter: kernel }, {
    ...GEOMETRY,
    inputShape,
  } as unknown as tf.NamedAttrMap) as tf.Tensor4D;
}

/** ∂L/∂(pre-activation): dy where the relu passed its input (y > 0), else 0. */
function throughRelu(dy: tf.Tensor, y: tf.Tensor): tf.Tensor4D {
  return tf.mul(dy, tf.step(y)) as tf.Tensor4D;
}

/**
 * relu(conv(x, kernel) + bias): 'valid' convolution, stride 1: x [n, h, w, c], kernel [k, k, c, f],
 * bias [f] → [n, h−k+1, w−k+1, f]. `xIsData`: x is input data (the images), whose gradient nobody
 * needs, so none is computed (tfjs's custom gradients compute every input's at once).
 */
export function convReluValid(
  x: tf.Tensor4D,
  kernel: tf.Tensor,
  bias: tf.Tensor,
  xIsData = false,
): tf.Tensor4D {
  const k = kernel as tf.Tensor4D;
  // customGrad passes the inputs, then the save function, as one argument list.
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args.pop() as tf.GradSaveFunc;
    const [input, , b] = (xIsData ? [x, ...args] : args) as [tf.Tensor4D, tf.Tensor4D, tf.Tensor1D];
    const y = convReluForward(input, k, b);
    // Saved, not captured: the forward pass's intermediates (x too, unless it is data) are disposed
    // before the gradient runs; saved tensors are kept for it.
    save([input, k, y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [x, w, y] = saved as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D];
        const dz = throughRelu(dy, y);
        const own = [filterGradient(x, dz, w.shape), tf.sum(dz, [0, 1, 2])];
        return xIsData ? own : [inputGradient(dz, w, x.shape), ...own];
      },
    };
  });
  return (xIsData ? op(k, bias) : op(x, k, bias)) as tf.Tensor4D;
}

/** The same layer as three tfjs ops (the reference convReluValid is checked against). */
export function convReluValidOps(x: tf.Tensor4D, kernel: tf.Tensor, bias: tf.Tensor): tf.Tensor4D {
  return tf.relu(tf.add(tf.conv2d(x, kernel as tf.Tensor4D, 1, 'valid'), bias)) as tf.Tensor4D;
}

export function maxPool2(x: tf.Tensor4D): tf.Tensor4D {
  return tf.maxPool(x, 2, 2, 'valid');
}
