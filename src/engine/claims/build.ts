// Shorthands for writing scene claims (the words come from format.ts). Plain data, no tfjs.

import type { SurfaceName } from '../tasks/configs';
import { SURFACE_DEFINITIONS } from '../tasks/surface-defs';
import type { Claim, Quantity, RunStat } from './claim';

export const stat = (run: string, s: RunStat, at?: number): Quantity =>
  at === undefined ? { kind: 'stat', run, stat: s } : { kind: 'stat', run, stat: s, at: { step: at } };
/** A number, named when it comes from the theory (1/ε, β/ln 2). */
export const constant = (value: number, name?: string): Quantity => ({
  kind: 'constant',
  value,
  name: name ?? '',
});
export const atMost = (left: Quantity, right: Quantity, factor?: number): Claim => ({
  kind: 'compare',
  left,
  op: '<=',
  right,
  ...(factor === undefined ? {} : { factor }),
});
export const atLeast = (left: Quantity, right: Quantity, factor?: number): Claim => ({
  kind: 'compare',
  left,
  op: '>=',
  right,
  ...(factor === undefined ? {} : { factor }),
});
/** Sadam's A-LR ceiling, with room for float32 rounding of 1/softplus_β(0) (a few ulps). */
export const ceiling = (beta: number): Quantity => constant((beta / Math.LN2) * (1 + 1e-6), 'β/ln 2');
/** Adam's largest A-LR is 1/ε (to float32 rounding of the denominator). */
export const reachesOneOverEps = (run: string, eps: number): Claim =>
  atLeast(stat(run, 'alrMax'), constant(1 / eps, '1/ε'), 0.99);
export const endDistance = (a: string, b: string): Quantity => ({ kind: 'distance', runs: [a, b] });
export const toMinimum = (run: string, surface: SurfaceName): Quantity => ({
  kind: 'distanceTo',
  run,
  point: SURFACE_DEFINITIONS[surface].minimum,
  name: 'the minimum',
});
export const toStart = (run: string, surface: SurfaceName): Quantity => ({
  kind: 'distanceTo',
  run,
  point: SURFACE_DEFINITIONS[surface].start,
  name: 'the start',
});
