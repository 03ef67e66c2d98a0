// The WGSL programs of the fused update on tfjs's WebGPU backend. tfjs-webgpu binds one writable
// output per dispatch, so the update is split by output: m', v', vmax' (cheap, elementwise) and x'
// (the denominator's sqrt/exp/log), which reads the m' and v̂ just written instead of recomputing them.
// Each program is specialised at compile time on the rule's modes (no branches per element) and
// reads vec4s when the size allows, as tfjs's own elementwise shaders do.

import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { webgpu_util } from '@tensorflow/tfjs-backend-webgpu';
import { DENOMINATOR_MODE, type FusedParams, SECOND_MOMENT_MODE } from './params';

/** Which output a dispatch writes. Inputs, in order: m [X, G, M] | v [X, G, V] | vmax [VMAX, VNEW] | x [X, MNEW, VV]. */
export type FusedStage = 'm' | 'v' | 'vmax' | 'x';

const UNIFORM_NAMES = [
  'weightDecay',
  'a1',
  'b1',
  'a2',
  'b2',
  'vhatScale',
  'eps',
  'softplusBeta',
  'power',
  'lower',
  'upper',
  'stepFactor',
] as const;

/** The float32 uniforms of every stage (one layout for all: the shaders read what they need). */
export function fusedUniforms(p: FusedParams): { type: string; data: number[] }[] {
  return UNIFORM_NAMES.map((name) => ({ type: 'float32', data: [p[name]] }));
}

export class FusedUpdateProgram implements WebGPUProgram {
  variableNames: string[];
  outputShape: number[];
  outputComponent: number;
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [64, 1, 1];
  uniforms = UNIFORM_NAMES.map((name) => `${name} : f32,`).join(' ');
  size = true;
  private readonly body: string;

  constructor(stage: FusedStage, shape: number[], p: FusedParams) {
    const n = shape.reduce((a, b) => a * b, 1);
    this.outputShape = shape;
    this.outputComponent = n % 4 === 0 ? 4 : 1;
    const t = this.outputComponent === 4 ? 'vec4<f32>' : 'f32';
    const decay = p.weightDecay !== 0;
    const [names, body] = stageCode(stage, t, p, decay);
    this.variableNames = names;
    this.body = body;
    // Everything the WGSL text depends on; tfjs appends the shapes and dtypes.
    this.shaderKey = `anisoscopeFused_${stage}_${p.secondMode}_${p.denominator}_${p.bounded}_${decay ? 1 : 0}_${this.outputComponent}`;
    this.dispatchLayout = webgpu_util.flatDispatchLayout(shape);
    this.dispatch = webgpu_util.computeDispatch(this.dispatchLayout, shape, this.workgroupSize, [
      this.outputComponent,
      1,
      1,
    ]);
  }

  getUserCode(): string {
    return `
      fn main(index : i32) {
        if (index < uniforms.size) {
          ${this.body}
        }
      }
    `;
  }
}

function stageCode(stage: FusedStage, t: string, p: FusedParams, decay: boolean): [string[], string] {
  // g ← g + wd·x; with no decay x is not read at all.
  const grad = decay ? 'let g = G[index] + uniforms.weightDecay * X[index];' : 'let g = G[index];';
  const gradInputs = decay ? ['X', 'G'] : ['G'];
  switch (stage) {
    case 'm':
      return [
        [...gradInputs, 'M'],
        `${grad} setOutputAtIndex(index, uniforms.a1 * M[index] + uniforms.b1 * g);`,
      ];
    case 'v': {
      const update =
        p.secondMode === SECOND_MOMENT_MODE.yogi
          ? 'V[index] - uniforms.b2 * sign(V[index] - g2) * g2'
          : 'uniforms.a2 * V[index] + uniforms.b2 * g2';
      return [[...gradInputs, 'V'], `${grad} let g2 = g * g; setOutputAtIndex(index, ${update});`];
    }
    case 'vmax':
      return [['VMAX', 'VNEW'], 'setOutputAtIndex(index, max(VMAX[index], VNEW[index]));'];
    case 'x': {
      const rate = rateCode(t, p);
      const clip = p.bounded === 1 ? `rate = clamp(rate, ${t}(uniforms.lower), ${t}(uniforms.upper));` : '';
      const needsV = p.denominator !== DENOMINATOR_MODE.one;
      return [
        needsV ? ['X', 'MNEW', 'VV'] : ['X', 'MNEW'],
        `${rate} ${clip} setOutputAtIndex(index, X[index] - uniforms.stepFactor * MNEW[index] * rate);`,
      ];
    }
  }
}

/** `var rate = α` with r = √(v̂·vhatScale); softplus as (y + log(1 + e^{−y}))/β, y = β·r ≥ 0 (no log1p on GPUs, no overflow). */
function rateCode(t: string, p: FusedParams): string {
  const r = 'let r = sqrt(VV[index] * uniforms.vhatScale);';
  switch (p.denominator) {
    case DENOMINATOR_MODE.sqrtEps:
      return `${r} var rate = 1.0 / (r + uniforms.eps);`;
    case DENOMINATOR_MODE.softplus:
      return `${r} let y = uniforms.softplusBeta * r; var rate = uniforms.softplusBeta / (y + log(1.0 + exp(-y)));`;
    case DENOMINATOR_MODE.power:
      return `${r} var rate = pow(r + uniforms.eps, ${t}(-uniforms.power));`;
    default:
      return `var rate = ${t}(1.0);`;
  }
}
