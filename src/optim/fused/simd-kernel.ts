// The fused update as a hand-written WebAssembly SIMD kernel (f32x4) working in place on tfjs-wasm's
// heap: it imports the backend's own memory, so the tensors are read and written where they lie.
// It covers the rules whose v is an EMA or a sum and whose denominator is √v̂+ε, softplus or 1 (Adam,
// AMSGrad, Sadam, SAMSGrad, AdaGrad, RMSProp, SGD-momentum, AdaBound/AMSBound); Yogi and Padam stay on
// the JS loop (register-wasm.ts decides). All arithmetic is float32, like tfjs-wasm's own kernels.
//
// softplus without exp/log instructions (WebAssembly has none): β·softplus_β(r) = y + h(y), y = β·r,
// h(y) = log1p(e^{−y}) for y clamped to ≤ 20 (h(20) = 2e-9, below float32 resolution next to y):
//   e^{−y} = 2^k·e^{f·ln2}, k = nearest(−y·log2 e), |f| ≤ ½, Taylor to degree 6 (rel. error ≤ 1.2e-7)
//   log1p(e) = 2·atanh(s), s = e/(2+e) ≤ ⅓, odd series to s¹³ (abs. error ≤ 1e-8)
// simd-kernel.test.ts measures the result over the whole domain y ≥ 0 (worst relative error ~2e-7).

import { assembleModule, type ValType, type WatFunction } from './wat';

/** Splats a float constant: `f32.const c f32x4.splat`. */
const splat = (c: number) => `f32.const ${c} f32x4.splat`;

/** WAT computing the v128 local `out` = y + log1p(e^{−y}) from the v128 local `y` (uses t0..t3). */
function softplusScaledWat(y: string, out: string): string {
  const taylor = [1 / 720, 1 / 120, 1 / 24, 1 / 6, 1 / 2, 1, 1];
  const atanh = [2 / 13, 2 / 11, 2 / 9, 2 / 7, 2 / 5, 2 / 3, 2];
  return `
    ;; t0 = z = −min(y, 20)·log2 e (NaN stays NaN); t1 = k = nearest(z); t2 = f·ln2
    local.get ${y} ${splat(20)} f32x4.min ${splat(Math.LOG2E)} f32x4.mul f32x4.neg local.set t0
    local.get t0 f32x4.nearest local.set t1
    local.get t0 local.get t1 f32x4.sub ${splat(Math.LN2)} f32x4.mul local.set t2
    ;; t3 = e^{f·ln2} by Horner
    ${splat(taylor[0] as number)}
    ${taylor
      .slice(1)
      .map((c) => `local.get t2 f32x4.mul ${splat(c)} f32x4.add`)
      .join('\n    ')}
    local.set t3
    ;; t3 = e = 2^k·t3, 2^k built from its exponent bits (k ∈ [−29, 0]: a normal float)
    local.get t1 i32x4.trunc_sat_f32x4_s i32.const 127 i32x4.splat i32x4.add i32.const 23 i32x4.shl
    local.get t3 f32x4.mul local.set t3
    ;; t0 = s = e/(2+e); t1 = s²
    local.get t3 ${splat(2)} local.get t3 f32x4.add f32x4.div local.set t0
    local.get t0 local.get t0 f32x4.mul local.set t1
    ;; out = y + s·(2 + s²·(2/3 + s²·(2/5 + …)))
    ${splat(atanh[0] as number)}
    ${atanh
      .slice(1)
      .map((c) => `local.get t1 f32x4.mul ${splat(c)} f32x4.add`)
      .join('\n    ')}
    local.get t0 f32x4.mul local.get ${y} f32x4.add local.set ${out}`;
}

const TEMPS: [string, ValType][] = [
  ['t0', 'v128'],
  ['t1', 'v128'],
  ['t2', 'v128'],
  ['t3', 'v128'],
];

/** The denominator modes the kernel knows (params.ts's DENOMINATOR_MODE values). */
export const SIMD_DENOMINATORS = { sqrtEps: 0, softplus: 1, one: 3 } as const;

/**
 * fused(x, g, m, v, vmax, outX, outM, outV, outVmax: byte offsets; n ≥ 4; mode; ams;
 *       wd, a1, b1, a2, b2, vhatScale, eps, beta, lower, upper, step).
 * Steps 4 lanes at a time; the last vector is moved back to end at n (it overlaps the one before:
 * recomputing those lanes from the unchanged inputs writes the same values), so any n ≥ 4 works
 * without a scalar tail. The outputs must not alias the inputs.
 */
const FUSED: WatFunction = {
  name: 'fused',
  params: [
    ...(['x', 'g', 'm', 'v', 'vmax', 'ox', 'om', 'ov', 'ovmax', 'n', 'mode', 'ams'] as const).map(
      (p): [string, ValType] => [p, 'i32'],
    ),
    ...(['wd', 'a1', 'b1', 'a2', 'b2', 'vs', 'eps', 'beta', 'lo', 'hi', 'step'] as const).map(
      (p): [string, ValType] => [p, 'f32'],
    ),
  ],
  locals: [
    ['i', 'i32'],
    ['last', 'i32'],
    ...(['WD', 'A1', 'B1', 'A2', 'B2', 'VS', 'EPS', 'BETA', 'LO', 'HI', 'STEP'] as const).map(
      (p): [string, ValType] => [p, 'v128'],
    ),
    ...(['X', 'G', 'M', 'V', 'R', 'RATE'] as const).map((p): [string, ValType] => [p, 'v128']),
    ...TEMPS,
  ],
  body: `
    ${['wd', 'a1', 'b1', 'a2', 'b2', 'vs', 'eps', 'beta', 'lo', 'hi', 'step']
      .map((p) => `local.get ${p} f32x4.splat local.set ${p.toUpperCase()}`)
      .join('\n    ')}
    local.get n i32.const 2 i32.shl i32.const 16 i32.sub local.set last
    i32.const 0 local.set i
    block loop
      ;; i = min(i, last): the final step ends exactly at n
      local.get i local.get last local.get i local.get last i32.lt_u select local.set i
      local.get x local.get i i32.add v128.load local.set X
      ;; g + wd·x
      local.get g local.get i i32.add v128.load local.get WD local.get X f32x4.mul f32x4.add local.set G
      ;; m' = a1·m + b1·g
      local.get A1 local.get m local.get i i32.add v128.load f32x4.mul
      local.get B1 local.get G f32x4.mul f32x4.add local.set M
      local.get om local.get i i32.add local.get M v128.store
      ;; v' = a2·v + b2·g²
      local.get A2 local.get v local.get i i32.add v128.load f32x4.mul
      local.get B2 local.get G local.get G f32x4.mul f32x4.mul f32x4.add local.set V
      local.get ov local.get i i32.add local.get V v128.store
      ;; AMS: v̂ = max(vmax, v'), also stored
      local.get ams if
        local.get vmax local.get i i32.add v128.load local.get V f32x4.max local.set V
        local.get ovmax local.get i i32.add local.get V v128.store
      end
      ;; r = √(v̂·vhatScale); rate = 1/(r+ε) | β/(y + log1p(e^{−y})), y = β·r | 1
      local.get V local.get VS f32x4.mul f32x4.sqrt local.set R
      ${splat(1)} local.set RATE
      local.get mode i32.eqz if
        ${splat(1)} local.get R local.get EPS f32x4.add f32x4.div local.set RATE
      end
      local.get mode i32.const 1 i32.eq if
        local.get BETA local.get R f32x4.mul local.set R
        ${softplusScaledWat('R', 'R')}
        local.get BETA local.get R f32x4.div local.set RATE
      end
      ;; clip into [lower, upper] (0 and +∞ when unbounded)
      local.get RATE local.get LO f32x4.max local.get HI f32x4.min local.set RATE
      ;; x' = x − (m'·rate)·step: m'·rate first, so that a denormal m' meets the (large) rate before
      ;; the (small) step factor and keeps its bits
      local.get ox local.get i i32.add
      local.get X local.get M local.get RATE f32x4.mul local.get STEP f32x4.mul f32x4.sub v128.store
      local.get i local.get last i32.eq br_if 1
      local.get i i32.const 16 i32.add local.set i
      br 0
    end end`,
};

/** softplusScaled(in, out, n): out = y + log1p(e^{−y}) for n (a multiple of 4) floats; for tests. */
const SOFTPLUS: WatFunction = {
  name: 'softplusScaled',
  params: [
    ['in', 'i32'],
    ['out', 'i32'],
    ['n', 'i32'],
  ],
  locals: [['i', 'i32'], ['Y', 'v128'], ...TEMPS],
  body: `
    block loop
      local.get i local.get n i32.const 2 i32.shl i32.ge_u br_if 1
      local.get in local.get i i32.add v128.load local.set Y
      ${softplusScaledWat('Y', 'Y')}
      local.get out local.get i i32.add local.get Y v128.store
      local.get i i32.const 16 i32.add local.set i
      br 0
    end end`,
};

export interface SimdKernelExports {
  fused(...args: number[]): void;
  softplusScaled(input: number, output: number, n: number): void;
}

/** The module's bytes (assembled from the WAT above; ~1.5 KB). */
export function simdKernelBytes(): Uint8Array<ArrayBuffer> {
  return assembleModule([FUSED, SOFTPLUS]);
}

/** Compiles the kernel; null where the engine lacks WebAssembly SIMD. */
export async function compileSimdKernel(): Promise<WebAssembly.Module | null> {
  if (typeof WebAssembly !== 'object') return null;
  const bytes = simdKernelBytes();
  if (!WebAssembly.validate(bytes)) return null;
  return WebAssembly.compile(bytes);
}

/** Instantiates the kernel on `memory` (small module: synchronous instantiation is allowed everywhere). */
export function instantiateSimdKernel(
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
): SimdKernelExports {
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return instance.exports as unknown as SimdKernelExports;
}
