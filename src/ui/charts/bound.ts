// The A-LR ceiling of a run's rule, with the label the charts put on its reference line
// (docs/ARCHITECTURE.md, "The update rule": Adam/AMSGrad A-LR ≤ 1/ε; Sadam/SAMSGrad ≤ β/ln 2 because softplus_β(z) ≥ ln 2/β).

import { adaptiveRateCeiling, RULES } from '../../optim/rules';
import type { OptimizerSpec } from '../../optim/spec';
import { formatPlain } from './log-axis';

export interface AlrBound {
  value: number;
  /** e.g. "1/ε = 10⁸" or "β/ln 2 = 72.1". */
  label: string;
}

export function alrBound(spec: OptimizerSpec): AlrBound {
  const value = adaptiveRateCeiling(spec);
  const shown = formatPlain(value);
  switch (RULES[spec.name].denominator) {
    case 'softplus':
      return { value, label: `β/ln 2 = ${shown}` };
    case 'padam':
      return { value, label: `ε^(−2p) = ${shown}` };
    case 'one':
      return { value, label: 'A-LR ≡ 1' };
    case 'custom':
      // The largest 1/φ over z ≥ 0 (sampled; φ(0) for a non-decreasing φ).
      return { value, label: `max 1/φ = ${shown}` };
    default:
      return { value, label: `1/ε = ${shown}` };
  }
}
