// The fused update on tfjs's WebGL backend: three or four packed GLSL programs per variable (webgl-programs.ts),
// run through the backend's compileAndRun so the outputs are ordinary tfjs textures (tf.train.adam runs
// ~13 programs per variable). One multi-render-target draw per variable was tried: ~20 % less GPU time
// with updates queued, but no better on the bench's update-then-read latency, and it drives tfjs's GL
// state by hand, so it was left out.

import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import * as tf from '@tensorflow/tfjs-core';
import { FUSED_UPDATE_KERNEL, fusedKernelInputs } from './kernel';
import type { FusedParams } from './params';
import {
  type FusedProgram,
  firstMomentProgram,
  runningMaxProgram,
  secondMomentProgram,
  stepProgram,
} from './webgl-programs';

// Program objects by variant and shape: building the GLSL text each step would cost more than running it.
const programs = new Map<string, FusedProgram>();

function cached(key: string, shape: number[], make: () => FusedProgram): FusedProgram {
  const full = `${key}|${shape.join(',')}`;
  let p = programs.get(full);
  if (!p) {
    p = make();
    programs.set(full, p);
  }
  return p;
}

const fusedUpdateWebgl: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const webgl = backend as MathBackendWebGL;
  const { x, g, m, v, vmax } = fusedKernelInputs(inputs);
  const p = attrs as unknown as FusedParams;
  const shape = x.shape;
  // Each program names the textures it reads (variableNames); this feeds them in that order.
  const run = (key: string, make: () => FusedProgram, named: Record<string, tf.TensorInfo>) => {
    const program = cached(key, shape, make);
    const ins = program.variableNames.map((n) => named[n] as tf.TensorInfo);
    return webgl.compileAndRun(program, ins, 'float32', program.uniformValues(p));
  };
  const decay = p.weightDecay !== 0;
  const outM = run(`m${decay}`, () => firstMomentProgram(shape, decay), { X: x, G: g, M: m });
  const outV = run(`v${p.secondMode}${decay}`, () => secondMomentProgram(shape, p.secondMode, decay), {
    X: x,
    G: g,
    V: v,
  });
  const outVmax = vmax ? run('vmax', () => runningMaxProgram(shape), { VMAX: vmax, V: outV }) : null;
  const outX = run(`x${p.denominator}${p.bounded}`, () => stepProgram(shape, p.denominator, p.bounded), {
    X: x,
    M: outM,
    V: outVmax ?? outV,
  });
  return outVmax ? [outX, outM, outV, outVmax] : [outX, outM, outV];
};

export const fusedUpdateWebglConfig: tf.KernelConfig = {
  kernelName: FUSED_UPDATE_KERNEL,
  backendName: 'webgl',
  kernelFunc: fusedUpdateWebgl,
};

/**
 * The kernel, where WebGL renders to float32 textures. With float16 textures (some phones) the state
 * would lose precision either way; the tf-ops path is left to tfjs there rather than claiming exactness.
 */
export function webglFusedConfig(): tf.KernelConfig | null {
  try {
    return tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED') ? fusedUpdateWebglConfig : null;
  } catch {
    return null;
  }
}
