// Optimizer specs: names, defaults and validation. Plain TypeScript (no tfjs) so that the store,
// the URL codec and the UI can share it.

import { compileFormula } from './formula/evaluate';
import { describeFormulaProblem, FormulaError, type FormulaProblem } from './formula/messages';

export const OPTIMIZER_NAMES = [
  'adam',
  'amsgrad',
  'sadam',
  'samsgrad',
  'sgdm',
  'adagrad',
  'rmsprop',
  'padam',
  'adabound',
  'amsbound',
  'yogi',
  'custom',
] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

export type Convention = 'official' | 'textbook';

/** Every hyperparameter of every rule; a rule ignores the ones it does not use (e.g. Adam ignores β). */
export interface OptimizerSpec {
  name: OptimizerName;
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  /** β of softplus_β(z) = log(1 + exp(β·z)) / β (Sadam, SAMSGrad). */
  softplusBeta: number;
  /** Coupled L2: g ← g + weightDecay·x before the moments. */
  weightDecay: number;
  convention: Convention;
  /** Padam's partial exponent p: denom = (√v̂ + ε)^(2p). */
  partial: number;
  /** AdaBound / AMSBound: the SGD learning rate the bounds converge to, and their speed γ. */
  finalLr: number;
  gamma: number;
  /**
   * The 'custom' rule's calibration as a formula in z = √v: A-LR = 1/φ(z), e.g.
   * `log(1 + exp(b*z))/b; b = 50` (formula/parse.ts has the language). Other rules ignore it.
   */
  phi: string;
}

/** The custom rule's φ before the user types one: Sadam's softplus_β, β = 50 (the formula they can edit). */
export const DEFAULT_PHI = 'log(1 + exp(b*z))/b; b = 50';

/** What callers may pass: a name, and any subset of the rest (missing or null fields take defaults). */
export type OptimizerSpecInput = { name: OptimizerName } & {
  [K in Exclude<keyof OptimizerSpec, 'name'>]?: OptimizerSpec[K] | null;
} & {
  /** Alias in the authors' (and torch's) style: `{ name: 'sadam', amsgrad: true }` means SAMSGrad. */
  amsgrad?: boolean | null;
};

const AMS_VARIANT: Partial<Record<OptimizerName, OptimizerName>> = {
  adam: 'amsgrad',
  sadam: 'samsgrad',
  adabound: 'amsbound',
};

/** The paper's recommended settings (Tong, Liang & Bi, §5): Sadam/SAMSGrad lr 1e-2 β 50, Adam lr 1e-3. */
const SHARED_DEFAULTS: Omit<OptimizerSpec, 'name'> = {
  lr: 1e-3,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  softplusBeta: 50,
  weightDecay: 0,
  convention: 'official',
  partial: 1 / 8,
  finalLr: 0.1,
  gamma: 1e-3,
  phi: DEFAULT_PHI,
};

const PER_NAME_DEFAULTS: Partial<Record<OptimizerName, Partial<OptimizerSpec>>> = {
  sadam: { lr: 1e-2 },
  samsgrad: { lr: 1e-2 },
  sgdm: { lr: 0.1 },
  adagrad: { lr: 1e-2, eps: 1e-10 },
  rmsprop: { lr: 1e-3, beta2: 0.99 },
  padam: { lr: 0.1 },
  yogi: { lr: 1e-2, eps: 1e-3 },
  custom: { lr: 1e-2 },
};

/** Defaults for one optimizer, as the paper (or the rule's own authors) ran it. */
export function defaultSpec(name: OptimizerName): OptimizerSpec {
  return { ...SHARED_DEFAULTS, ...PER_NAME_DEFAULTS[name], name };
}

export function isOptimizerName(value: unknown): value is OptimizerName {
  return typeof value === 'string' && (OPTIMIZER_NAMES as readonly string[]).includes(value);
}

export type NumericKey = {
  [K in keyof OptimizerSpec]: OptimizerSpec[K] extends number ? K : never;
}[keyof OptimizerSpec];

/** The interval a numeric setting accepts: inclusive ends unless marked open. */
export interface SpecRange {
  min: number;
  max: number;
  minOpen?: boolean;
  maxOpen?: boolean;
}

/** Valid ranges, inclusive unless marked. Anything outside is refused with a message, never clamped silently. */
export const SPEC_RANGES: Readonly<Record<NumericKey, SpecRange>> = {
  lr: { min: 0, max: 1e6 },
  beta1: { min: 0, max: 1, maxOpen: true },
  beta2: { min: 0, max: 1, maxOpen: true },
  eps: { min: 0, max: 1e6 },
  softplusBeta: { min: 0, max: 1e9, minOpen: true },
  weightDecay: { min: 0, max: 1e6 },
  partial: { min: 0, max: 0.5, minOpen: true },
  finalLr: { min: 0, max: 1e6 },
  gamma: { min: 0, max: 1e6, minOpen: true },
};

/** Rules whose denominator adds ε (√v + ε): ε = 0 is refused for them. */
export const EPS_IN_DENOMINATOR: ReadonlySet<OptimizerName> = new Set([
  'adam',
  'amsgrad',
  'adagrad',
  'rmsprop',
  'padam',
  'adabound',
  'amsbound',
  'yogi',
]);

export class InvalidSpecError extends RangeError {
  override name = 'InvalidSpecError';
  /** Set when the φ formula was refused: the typed problem the UI translates. */
  problem?: FormulaProblem;
}

/** Refuses a φ formula that does not parse or is not finite and > 0 for z ≥ 0 (the message says where). */
function checkPhi(value: unknown): string {
  if (typeof value !== 'string')
    throw new InvalidSpecError(`phi must be a formula text; got ${typeof value}`);
  try {
    compileFormula(value);
  } catch (err) {
    if (!(err instanceof FormulaError)) throw err;
    const error = new InvalidSpecError(`phi ${describeFormulaProblem(err.problem)}`);
    error.problem = err.problem;
    throw error;
  }
  return value;
}

/** Whether `value` is a finite number inside the setting's range. */
export function inSpecRange(key: NumericKey, value: number): boolean {
  const r = SPEC_RANGES[key];
  const low = r.minOpen ? value > r.min : value >= r.min;
  const high = r.maxOpen ? value < r.max : value <= r.max;
  return typeof value === 'number' && Number.isFinite(value) && low && high;
}

function checkRange(key: NumericKey, value: number): void {
  const r = SPEC_RANGES[key];
  if (!inSpecRange(key, value)) {
    const lo = r.minOpen ? `(${r.min}` : `[${r.min}`;
    const hi = r.maxOpen ? `${r.max})` : `${r.max}]`;
    throw new InvalidSpecError(`${key} must be a finite number in ${lo}, ${hi}; got ${String(value)}`);
  }
}

/** Fills defaults for the named rule and validates every field; throws InvalidSpecError with a reason. */
export function resolveSpec(input: OptimizerSpecInput, base?: OptimizerSpec): OptimizerSpec {
  if (!isOptimizerName(input.name)) {
    throw new InvalidSpecError(
      `unknown optimizer '${String(input.name)}'; expected one of ${OPTIMIZER_NAMES.join(', ')}`,
    );
  }
  const name = (input.amsgrad === true && AMS_VARIANT[input.name]) || input.name;
  const spec: OptimizerSpec = { ...(base ?? defaultSpec(name)), name };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'name' || key === 'amsgrad' || value === undefined || value === null) continue;
    if (key === 'convention') {
      if (value !== 'official' && value !== 'textbook') {
        throw new InvalidSpecError(`convention must be 'official' or 'textbook'; got ${String(value)}`);
      }
      spec.convention = value;
    } else if (key === 'phi') {
      spec.phi = checkPhi(value);
    } else if (key in SPEC_RANGES) {
      checkRange(key as NumericKey, value as number);
      spec[key as NumericKey] = value as number;
    }
    // Unknown keys are ignored so that specs from newer versions still load.
  }
  if (spec.eps === 0 && EPS_IN_DENOMINATOR.has(spec.name)) {
    // With ε = 0 a coordinate whose gradient was always 0 has √v = 0: its A-LR 1/(√v+ε) is infinite
    // and its update 0/0. (Sadam and SAMSGrad do not use ε: their floor is ln 2/β.)
    throw new InvalidSpecError(
      `eps must be > 0 for ${spec.name}: with eps = 0 a weight that never saw a gradient gets an infinite A-LR`,
    );
  }
  return spec;
}

/**
 * What a per-variable field map can show (the visualizer's "what is shown" switch): the A-LR, the
 * effective step, √v or |m|. Here, in plain TypeScript, so that the snapshot types and the UI share it.
 */
export const STATE_FIELDS = ['adaptiveRate', 'effectiveStep', 'sqrtSecondMoment', 'absFirstMoment'] as const;
export type StateField = (typeof STATE_FIELDS)[number];
