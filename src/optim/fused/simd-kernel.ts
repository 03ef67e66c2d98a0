// The fused update as a hand-written WebAssembly SIMD kernel (f32x4) working in place on tfjs-wasm's
// heap: it imports the backend's own memory, so the tensors are read and written where they lie.
// It covers the rules whose v is an EMA or a sum and whose denominator is √v̂+ε, softplus or 1 (Adam,
// AMSGrad, Sadam, SAMSGrad, AdaGrad, RMSProp, SGD-momentum, AdaBound/AMSBound); Yogi and Padam stay on
// the JS loop (register-wasm.ts decides). All arithmetic is float32, like tfjs-wasm's own kernels.
//
// softplus without exp/log instructions (WebAssembly has none): β·softplus_β(r) = y + h(y), y = β·r,
// h(y) = log1p(e^{−y}) for y clamped to ≤ 20 (h(20) = 2e-9, below float32 resolution next to y):
//   e^{−y} = 2^k·e^{f·ln2}, k = nearest(−y·log2 e), |f| ≤ ½, a degree-5 polynomial (rel. error 8e-8),
//           k and 2^k by the float-rounding trick (no float↔int conversion instructions)
//   log1p(e) ≈ e·P(e)/Q(e), a rational fit (abs. error 1.5e-8), so that the rate needs one division
// simd-kernel.test.ts measures the result over the whole domain y ≥ 0 (worst relative error 2.6e-7).
//
// simdKernelWat() generates the module as standard WebAssembly text; `npm run build:wasm`
// (scripts/build-wasm-kernels.ts) assembles it with wabt, the WebAssembly Binary Toolkit, into
// simd-kernel.bytes.ts, which the app loads. wabt is a build-time tool only, never in the bundle;
// simd-kernel.test.ts fails when the committed bytes no longer match the text.
// Over 300 lines because it is one module's text: its functions share the softplus, the loop and
// the constants, and the bytes are assembled from all of them together.

import { SIMD_KERNEL_BASE64 } from './simd-kernel.bytes';

type ValType = 'i32' | 'f32' | 'v128';

/** One exported function: named params and locals, and a body of flat (unfolded) WAT instructions. */
interface WatFunction {
  name: string;
  params: [string, ValType][];
  locals: [string, ValType][];
  /** Flat WAT instructions; `;;` starts a comment. */
  body: string;
}

/** Splats a float constant: `f32.const c f32x4.splat`. */
const splat = (c: number) => `f32.const ${c} f32x4.splat`;

/** 1.5·2^23: adding it rounds a float in (−2^22, 2^22) to an integer, which then sits in the low bits. */
const ROUNDING_MAGIC = 12582912;
// Least-squares fits on Chebyshev nodes (numpy), highest degree first. e^x on |x| ≤ ln2/2, degree 5:
// relative error 7.7e-8. log1p(e) ≈ e·P(e)/Q(e) on [0, 1], P of degree 2, Q of degree 3 (all terms
// positive: no cancellation in float32): absolute error 1.5e-8. The rational form lets the kernel take
// rate = β/(y + e·P/Q) = β·Q/(y·Q + e·P) with ONE division (an atanh series needs s = e/(2+e) first).
const EXP_POLY = [
  0.00829171668483829, 0.04191502854162737, 0.16667662837724653, 0.49998899075803394, 0.9999996661619815,
  1.0000000710296997,
];
const LOG1P_P = [0.12447746078096976, 0.8690351584072482, 0.9999999839545515];
const LOG1P_Q = [0.03130685194384528, 0.47569053341515044, 1.3690334254425178, 1];

/**
 * The softplus's constants, splatted once into v128 locals before the loop (V8 does not hoist
 * `f32.const … f32x4.splat` out of loops; reloading a spilled local is cheaper than rebuilding it).
 * (Functions rather than module-level arrays, here and below, so that the app bundle, which loads
 * the prebuilt bytes, drops all of the text generation.)
 */
const softplusConstants = (): [string, number][] => [
  ['cYmax', 20],
  ['cLog2e', Math.LOG2E],
  ['cLn2', Math.LN2],
  ['cMagic', ROUNDING_MAGIC],
  ...EXP_POLY.map((c, i): [string, number] => [`cE${i}`, c]),
  ...LOG1P_P.map((c, i): [string, number] => [`cP${i}`, c]),
  ...LOG1P_Q.map((c, i): [string, number] => [`cQ${i}`, c]),
];

const softplusLocals = (): [string, ValType][] => [
  ...softplusConstants().map(([name]): [string, ValType] => [name, 'v128']),
  ['t0', 'v128'],
  ['t1', 'v128'],
  ['t2', 'v128'],
  ['t3', 'v128'],
];

const softplusSetupWat = (): string =>
  softplusConstants()
    .map(([name, c]) => `${splat(c)} local.set $${name}`)
    .join('\n    ');

/** Horner: `acc = c0; acc = acc·x + c_i` over the constants named prefix0…, leaving acc on the stack. */
const horner = (prefix: string, count: number, x: string): string =>
  [
    `local.get $${prefix}0`,
    ...Array.from(
      { length: count - 1 },
      (_, i) => `local.get $${x} f32x4.mul local.get $${prefix}${i + 1} f32x4.add`,
    ),
  ].join('\n    ');

/**
 * WAT for y + log1p(e^{−y}) = num/den from the v128 local `y`: leaves num = y·Q + e·P in local `num`
 * and den = Q(e) ≥ 1 in local `den` (uses t0..t3; `num` and `den` may be `y` and a temp).
 */
function softplusScaledWat(y: string, num: string, den: string): string {
  return `
    ;; t0 = z = −min(y, 20)·log2 e (pmin keeps a NaN y in one instruction; min takes several)
    local.get $${y} local.get $cYmax f32x4.pmin local.get $cLog2e f32x4.mul f32x4.neg local.set $t0
    ;; t1 = z + magic: k = nearest(z) sits in t1's low bits
    local.get $t0 local.get $cMagic f32x4.add local.set $t1
    ;; t2 = f·ln2, f = z − k ∈ [−½, ½] (exact)
    local.get $t0 local.get $t1 local.get $cMagic f32x4.sub f32x4.sub local.get $cLn2 f32x4.mul local.set $t2
    ;; t3 = e^{f·ln2} (EXP_POLY)
    ${horner('cE', EXP_POLY.length, 't2')}
    local.set $t3
    ;; t3 = e = 2^k·t3: 2^k's bits are (k + 127) << 23, and t1's low bits hold k (k ∈ [−29, 0])
    local.get $t1 i32.const 127 i32x4.splat i32x4.add i32.const 23 i32x4.shl
    local.get $t3 f32x4.mul local.set $t3
    ;; t2 = e·P(e); den = Q(e); num = y·Q + e·P
    ${horner('cP', LOG1P_P.length, 't3')}
    local.get $t3 f32x4.mul local.set $t2
    ${horner('cQ', LOG1P_Q.length, 't3')}
    local.set $${den}
    local.get $${y} local.get $${den} f32x4.mul local.get $t2 f32x4.add local.set $${num}`;
}

/** The denominator modes the kernel knows (params.ts's DENOMINATOR_MODE values). */
export const SIMD_DENOMINATORS = { sqrtEps: 0, softplus: 1, one: 3 } as const;

export type SimdMode = (typeof SIMD_DENOMINATORS)[keyof typeof SIMD_DENOMINATORS];

/** The exported name of the kernel specialised for a denominator mode and AMS. */
export const fusedName = (mode: SimdMode, ams: 0 | 1): string => `fused_${mode}_${ams}`;

/**
 * fused_<mode>_<ams>(x, g, m, v, vmax, outX, outM, outV, outVmax: byte offsets; n ≥ 4;
 *   wd, a1, b1, a2, b2, vhatScale, eps, beta, lower, upper, step): one function per denominator
 * mode and AMS flag, generated from this one template (branching on the mode inside the loop measured
 * slower here: ~28 v128 values live across each merge). Steps 4 lanes at a time; the last vector is moved
 * back to end at n (it overlaps the one before: recomputing those lanes from the unchanged inputs
 * writes the same values), so any n ≥ 4 works without a scalar tail. Outputs must not alias inputs.
 * Loads and stores say align=1 (a hint only): tfjs's heap gives no 16-byte promise.
 */
function fusedFunction(mode: SimdMode, ams: 0 | 1): WatFunction {
  const softplus = mode === SIMD_DENOMINATORS.softplus;
  const rate =
    mode === SIMD_DENOMINATORS.sqrtEps
      ? `${splat(1)} local.get $R local.get $EPS f32x4.add f32x4.div local.set $RATE`
      : mode === SIMD_DENOMINATORS.softplus
        ? `;; rate = β/(y + log1p(e^{−y})) = β·Q/num, y = β·r
        local.get $BETA local.get $R f32x4.mul local.set $R
        ${softplusScaledWat('R', 'R', 't3')}
        local.get $BETA local.get $t3 f32x4.mul local.get $R f32x4.div local.set $RATE`
        : `${splat(1)} local.set $RATE`;
  return {
    name: fusedName(mode, ams),
    params: [
      ...(['x', 'g', 'm', 'v', 'vmax', 'ox', 'om', 'ov', 'ovmax', 'n'] as const).map(
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
      ...softplusLocals(),
    ],
    body: `
    ${['wd', 'a1', 'b1', 'a2', 'b2', 'vs', 'eps', 'beta', 'lo', 'hi', 'step']
      .map((p) => `local.get $${p} f32x4.splat local.set $${p.toUpperCase()}`)
      .join('\n    ')}
    ${softplus ? softplusSetupWat() : ''}
    local.get $n i32.const 2 i32.shl i32.const 16 i32.sub local.set $last
    i32.const 0 local.set $i
    block $done loop $next
      ;; i = min(i, last): the final step ends exactly at n
      local.get $i local.get $last local.get $i local.get $last i32.lt_u select local.set $i
      local.get $x local.get $i i32.add v128.load align=1 local.set $X
      ;; g + wd·x
      local.get $g local.get $i i32.add v128.load align=1
      local.get $WD local.get $X f32x4.mul f32x4.add local.set $G
      ;; m' = a1·m + b1·g
      local.get $A1 local.get $m local.get $i i32.add v128.load align=1 f32x4.mul
      local.get $B1 local.get $G f32x4.mul f32x4.add local.set $M
      local.get $om local.get $i i32.add local.get $M v128.store align=1
      ;; v' = a2·v + b2·g²
      local.get $A2 local.get $v local.get $i i32.add v128.load align=1 f32x4.mul
      local.get $B2 local.get $G local.get $G f32x4.mul f32x4.mul f32x4.add local.set $V
      local.get $ov local.get $i i32.add local.get $V v128.store align=1
      ${
        ams
          ? `;; AMS: v̂ = pmax(v', vmax) = v' < vmax ? vmax : v', also stored (keeps a NaN v'; max
      ;; would take several instructions)
      local.get $V local.get $vmax local.get $i i32.add v128.load align=1 f32x4.pmax local.set $V
      local.get $ovmax local.get $i i32.add local.get $V v128.store align=1`
          : ''
      }
      ;; r = √(v̂·vhatScale)
      local.get $V local.get $VS f32x4.mul f32x4.sqrt local.set $R
      ${rate}
      ;; clip into [lower, upper] (0 and +∞ when unbounded; pmin/pmax keep a NaN rate)
      local.get $RATE local.get $LO f32x4.pmax local.get $HI f32x4.pmin local.set $RATE
      ;; x' = x − (m'·rate)·step: m'·rate first, so that a denormal m' meets the (large) rate before
      ;; the (small) step factor and keeps its bits
      local.get $ox local.get $i i32.add
      local.get $X local.get $M local.get $RATE f32x4.mul local.get $STEP f32x4.mul f32x4.sub
      v128.store align=1
      local.get $i local.get $last i32.eq br_if $done
      local.get $i i32.const 16 i32.add local.set $i
      br $next
    end end`,
  };
}

/** The exported name of the A-LR field function for a denominator mode (sqrtEps or softplus). */
export const rateFieldName = (mode: SimdMode): string => `rateField_${mode}`;

/**
 * rateField_<mode>(v, out: byte offsets; n ≥ 4; correction, eps, beta): out = the A-LR 1/denom of
 * √(v / correction), as update-ops.ts's adaptiveRate computes it before any clip, for the snapshot's
 * field (host-fields.ts). With √v̂ + ε every operation is IEEE float32, so the result equals tfjs's op
 * chain bit for bit; softplus is the fused kernel's (β·Q/num, within 2.6e-7 of exact). Same loop as
 * fusedFunction: the last vector is moved back to end at n.
 */
function rateFieldFunction(mode: SimdMode): WatFunction {
  const rate =
    mode === SIMD_DENOMINATORS.softplus
      ? `local.get $BETA local.get $R f32x4.mul local.set $R
      ${softplusScaledWat('R', 'R', 't3')}
      local.get $BETA local.get $t3 f32x4.mul local.get $R f32x4.div`
      : `${splat(1)} local.get $R local.get $EPS f32x4.add f32x4.div`;
  return {
    name: rateFieldName(mode),
    params: [
      ['v', 'i32'],
      ['out', 'i32'],
      ['n', 'i32'],
      ['correction', 'f32'],
      ['eps', 'f32'],
      ['beta', 'f32'],
    ],
    locals: [
      ['i', 'i32'],
      ['last', 'i32'],
      ...(['C', 'EPS', 'BETA', 'R'] as const).map((p): [string, ValType] => [p, 'v128']),
      ...(mode === SIMD_DENOMINATORS.softplus ? softplusLocals() : []),
    ],
    body: `
    local.get $correction f32x4.splat local.set $C
    local.get $eps f32x4.splat local.set $EPS
    local.get $beta f32x4.splat local.set $BETA
    ${mode === SIMD_DENOMINATORS.softplus ? softplusSetupWat() : ''}
    local.get $n i32.const 2 i32.shl i32.const 16 i32.sub local.set $last
    i32.const 0 local.set $i
    block $done loop $next
      local.get $i local.get $last local.get $i local.get $last i32.lt_u select local.set $i
      ;; r = √(v / correction)
      local.get $v local.get $i i32.add v128.load align=1 local.get $C f32x4.div f32x4.sqrt local.set $R
      local.get $out local.get $i i32.add
      ${rate}
      v128.store align=1
      local.get $i local.get $last i32.eq br_if $done
      local.get $i i32.const 16 i32.add local.set $i
      br $next
    end end`,
  };
}

/** softplusScaled(in, out, n): out = y + log1p(e^{−y}) for n (a multiple of 4) floats; for tests. */
const softplusFunction = (): WatFunction => ({
  name: 'softplusScaled',
  params: [
    ['in', 'i32'],
    ['out', 'i32'],
    ['n', 'i32'],
  ],
  locals: [['i', 'i32'], ['Y', 'v128'], ...softplusLocals()],
  body: `
    ${softplusSetupWat()}
    block $done loop $next
      local.get $i local.get $n i32.const 2 i32.shl i32.ge_u br_if $done
      local.get $in local.get $i i32.add v128.load align=1 local.set $Y
      ${softplusScaledWat('Y', 'Y', 't3')}
      local.get $out local.get $i i32.add local.get $Y local.get $t3 f32x4.div v128.store align=1
      local.get $i i32.const 16 i32.add local.set $i
      br $next
    end end`,
});

export interface SimdKernelExports {
  /** fused_<mode>_<ams>: see fusedFunction; rateField_<mode>: see rateFieldFunction. */
  [fused: string]: (...args: number[]) => void;
  softplusScaled(input: number, output: number, n: number): void;
}

/** `(func $name (export "name") (param $p t)… (local $l t)… body)`, without blank lines. */
function funcWat(f: WatFunction): string {
  const decls = (kind: 'param' | 'local', vars: [string, ValType][]): string[] => {
    const all = vars.map(([name, t]) => `(${kind} $${name} ${t})`);
    return Array.from({ length: Math.ceil(all.length / 8) }, (_, i) => all.slice(8 * i, 8 * i + 8).join(' '));
  };
  return [
    `  (func $${f.name} (export "${f.name}")`,
    ...[...decls('param', f.params), ...decls('local', f.locals)].map((line) => `    ${line}`),
    ...f.body.split('\n').filter((line) => line.trim() !== ''),
  ]
    .join('\n')
    .concat(')');
}

/**
 * The kernel module as WebAssembly text. It imports tfjs-wasm's own memory as env.memory: limits
 * min 1 page and no maximum, unshared, so that any size of the (growable, unshared) heap of the
 * non-threaded builds matches; the threaded build's shared memory does not (register-wasm.ts then
 * takes the JS loop). npm run build:wasm assembles it into simd-kernel.bytes.ts.
 */
export function simdKernelWat(): string {
  const functions = [
    ...Object.values(SIMD_DENOMINATORS).flatMap((mode) =>
      ([0, 1] as const).map((ams) => fusedFunction(mode, ams)),
    ),
    softplusFunction(),
    rateFieldFunction(SIMD_DENOMINATORS.sqrtEps),
    rateFieldFunction(SIMD_DENOMINATORS.softplus),
  ];
  return `(module
  (import "env" "memory" (memory 1))
${functions.map(funcWat).join('\n')})
`;
}

/** The module's bytes (simdKernelWat() assembled by wabt at build time; see simd-kernel.bytes.ts). */
export function simdKernelBytes(): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(SIMD_KERNEL_BASE64.replace(/\s/g, '')), (c) => c.charCodeAt(0));
}

/** Compiles the kernel; null where the engine lacks WebAssembly SIMD. */
export async function compileSimdKernel(): Promise<WebAssembly.Module | null> {
  if (typeof WebAssembly !== 'object') return null;
  const bytes = simdKernelBytes();
  if (!WebAssembly.validate(bytes)) return null;
  return WebAssembly.compile(bytes);
}

/** Instantiates the kernel on `memory`, synchronously (register-wasm.ts falls back to async). */
export function instantiateSimdKernel(
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
): SimdKernelExports {
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return instance.exports as unknown as SimdKernelExports;
}
