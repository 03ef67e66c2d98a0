// The fused update on tfjs's WebGPU backend: one WGSL dispatch per output (m', v', vmax', then x'),
// all queued on the backend's command encoder through its public runWebGPUProgram, so tfjs owns every
// buffer. No reads back to the CPU happen here (dataSync kills the device on this stack: docs/backends.md).

import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type * as tf from '@tensorflow/tfjs-core';
import { FUSED_UPDATE_KERNEL, fusedKernelInputs } from './kernel';
import { type FusedParams, SECOND_MOMENT_MODE } from './params';
import { type FusedStage, FusedUpdateProgram, fusedUniforms } from './register-webgpu-program';

const fusedUpdateWebgpu: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const gpu = backend as WebGPUBackend;
  const { x, g, m, v, vmax } = fusedKernelInputs(inputs);
  const p = attrs as unknown as FusedParams;
  const uniforms = fusedUniforms(p);
  const run = (stage: FusedStage, named: Record<string, tf.TensorInfo>) => {
    const program = new FusedUpdateProgram(stage, x.shape, p);
    const bound = program.variableNames.map((name) => named[name] as tf.TensorInfo);
    return gpu.runWebGPUProgram(program, bound, 'float32', uniforms);
  };
  const mOut = run('m', { X: x, G: g, M: m });
  // A rule without a second moment keeps v: share its buffer, as tfjs's Identity kernel does.
  let vOut: tf.TensorInfo;
  if (p.secondMode === SECOND_MOMENT_MODE.none) {
    gpu.incRef(v.dataId);
    vOut = { dataId: v.dataId, shape: v.shape, dtype: v.dtype };
  } else {
    vOut = run('v', { X: x, G: g, V: v });
  }
  const vmaxOut = vmax ? run('vmax', { VMAX: vmax, VNEW: vOut }) : undefined;
  const xOut = run('x', { X: x, MNEW: mOut, VV: vmaxOut ?? vOut });
  return vmaxOut ? [xOut, mOut, vOut, vmaxOut] : [xOut, mOut, vOut];
};

export const fusedUpdateWebgpuConfig: tf.KernelConfig = {
  kernelName: FUSED_UPDATE_KERNEL,
  backendName: 'webgpu',
  kernelFunc: fusedUpdateWebgpu,
};
