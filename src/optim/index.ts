// The calibrated optimizer library (its contract: docs/ARCHITECTURE.md): createOptimizer(spec) → a tf.Optimizer whose
// per-variable A-LR can be read, and whose hyperparameters can change live.

import { CalibratedOptimizer } from './calibrated-optimizer';
import type { OptimizerSpecInput } from './spec';

export type { StateField } from './calibrated-optimizer';
export { CalibratedOptimizer } from './calibrated-optimizer';
export { InvalidSpecError, OPTIMIZER_NAMES, type OptimizerSpecInput } from './spec';

/** Builds the optimizer named by `spec.name`; missing fields take the paper's defaults for that rule. */
export function createOptimizer(spec: OptimizerSpecInput): CalibratedOptimizer {
  return new CalibratedOptimizer(spec);
}
