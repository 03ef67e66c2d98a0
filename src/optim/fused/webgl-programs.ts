// The fused update as packed GLSL programs for tfjs-backend-webgl. A WebGL program writes one texture,
// so the step is three or four small programs run in order, each reading what the previous ones wrote:
//   m' ← (x, g, m)    v' ← (x, g, v)    vmax' ← (vmax, v')  [AMS]    x' ← (x, m', v̂')
// Reading the stored m' and v̂' (instead of recomputing them) means fewer texture reads, and x' uses
// exactly the float32 state that the next step and the A-LR views read. Packed: one fragment handles four
// values, and tfjs's getters do the layout arithmetic (sampling the same texel directly measured no
// faster on SwiftShader, where texture traffic dominates). The rule's modes are compiled in (a
// handful of shader variants); every number is a uniform, so changing a hyperparameter or the step
// count never compiles a shader.

import type { GPGPUProgram } from '@tensorflow/tfjs-backend-webgl';
import { DENOMINATOR_MODE, type FusedParams, SECOND_MOMENT_MODE } from './params';

/** A program plus how to read its uniforms' values (in customUniforms' order) off FusedParams. */
export interface FusedProgram extends GPGPUProgram {
  uniformValues(p: FusedParams): number[][];
}

type UniformName = keyof FusedParams;

function program(
  variableNames: string[],
  outputShape: number[],
  uniforms: UniformName[],
  body: string,
): FusedProgram {
  return {
    variableNames,
    outputShape,
    packedInputs: true,
    packedOutput: true,
    customUniforms: uniforms.map((name) => ({ name, type: 'float' as const })),
    userCode: `void main() {\n${body}\n}`,
    uniformValues: (p) => uniforms.map((name) => [p[name]]),
  };
}

/**
 * The moment programs' inputs and first line: g with coupled L2 folded in, or g alone without weight
 * decay — then x is not read at all (a third less texture traffic for m′ and v′; decay on/off is a
 * shader variant, like the rule's modes, and its amount stays a uniform).
 */
function gradient(decay: boolean): { names: string[]; uniforms: UniformName[]; line: string } {
  return decay
    ? {
        names: ['X', 'G'],
        uniforms: ['weightDecay'],
        line: '  vec4 grad = getGAtOutCoords() + weightDecay * getXAtOutCoords();',
      }
    : { names: ['G'], uniforms: [], line: '  vec4 grad = getGAtOutCoords();' };
}

export function firstMomentProgram(shape: number[], decay: boolean): FusedProgram {
  const g = gradient(decay);
  return program(
    [...g.names, 'M'],
    shape,
    [...g.uniforms, 'a1', 'b1'],
    `${g.line}
  setOutput(a1 * getMAtOutCoords() + b1 * grad);`,
  );
}

export function secondMomentProgram(
  shape: number[],
  mode: FusedParams['secondMode'],
  decay: boolean,
): FusedProgram {
  if (mode === SECOND_MOMENT_MODE.none) {
    return program(['V'], shape, [], '  setOutput(getVAtOutCoords());');
  }
  const yogi = mode === SECOND_MOMENT_MODE.yogi;
  const g = gradient(decay);
  return program(
    [...g.names, 'V'],
    shape,
    [...g.uniforms, ...(yogi ? (['b2'] as const) : (['a2', 'b2'] as const))],
    `${g.line}
  vec4 grad2 = grad * grad;
  vec4 v = getVAtOutCoords();
  setOutput(${yogi ? 'v - b2 * sign(v - grad2) * grad2' : 'a2 * v + b2 * grad2'});`,
  );
}

export function runningMaxProgram(shape: number[]): FusedProgram {
  return program(['VMAX', 'V'], shape, [], '  setOutput(max(getVMAXAtOutCoords(), getVAtOutCoords()));');
}

/** α = 1/d(r) per denominator mode. GLSL has no log1p: y + log(1 + e^{−y}) is exact enough for y ≥ 0. */
const RATE: Record<FusedParams['denominator'], { code: string; uniforms: UniformName[] }> = {
  [DENOMINATOR_MODE.sqrtEps]: { code: 'vec4 rate = 1.0 / (r + eps);', uniforms: ['eps'] },
  [DENOMINATOR_MODE.softplus]: {
    code: `vec4 y = softplusBeta * r;
  vec4 rate = softplusBeta / (y + log(1.0 + exp(-y)));`,
    uniforms: ['softplusBeta'],
  },
  [DENOMINATOR_MODE.power]: { code: 'vec4 rate = pow(r + eps, vec4(-power));', uniforms: ['eps', 'power'] },
  [DENOMINATOR_MODE.one]: { code: 'vec4 rate = vec4(1.0);', uniforms: [] },
};

/** x' from x, the new m' and the new v̂' (v' or vmax'). */
export function stepProgram(
  shape: number[],
  denominator: FusedParams['denominator'],
  bounded: FusedParams['bounded'],
): FusedProgram {
  const rate = RATE[denominator];
  const clip = bounded === 1;
  return program(
    ['X', 'M', 'V'],
    shape,
    ['vhatScale', ...rate.uniforms, ...(clip ? (['lower', 'upper'] as const) : []), 'stepFactor'],
    `  vec4 r = sqrt(getVAtOutCoords() * vhatScale);
  ${rate.code}
  ${clip ? 'rate = clamp(rate, lower, upper);' : ''}
  setOutput(getXAtOutCoords() - stepFactor * getMAtOutCoords() * rate);`,
  );
}
