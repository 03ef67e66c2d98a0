// One colour domain for every run's panel (both panels share one log colour scale), from
// the fields the heatmaps show. Re-renders its caller only when the whole-decade domain changes.
import { useMemo } from 'react';
import type { TrainingState } from '../../state/training-store';
import { useTraining } from '../use-training';
import { type Domain, domainOf } from './domain';

const perField = new WeakMap<Float32Array, Domain | null>();

function fieldDomain(values: Float32Array): Domain | null {
  let d = perField.get(values);
  if (d === undefined) {
    d = domainOf([values]);
    perField.set(values, d);
  }
  return d;
}

/** The union of the runs' domains, or null while no run has a positive finite value. */
export function sharedDomainOf(state: TrainingState): Domain | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const run of state.snapshot?.runs ?? []) {
    const d = fieldDomain(run.shown.values);
    if (!d) continue;
    lo = Math.min(lo, d[0]);
    hi = Math.max(hi, d[1]);
  }
  return hi > lo ? [lo, hi] : null;
}

/** The shared domain of the current snapshot's runs (null before any data: pass 'own' then). */
export function useSharedDomain(): Domain | null {
  const key = useTraining((s) => sharedDomainOf(s)?.join(',') ?? '');
  return useMemo(() => (key ? (key.split(',').map(Number) as unknown as Domain) : null), [key]);
}
