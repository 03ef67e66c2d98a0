// One log y-domain for every run's Figure-1 panel and histogram (both panels share one
// y-axis by default), from all runs' histories and ceilings. Changes only when a decade end moves, so
// it re-renders the panels rarely.
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { training } from '../../state/app-state';
import type { TrainingState } from '../../state/training-store';
import { sharedAlrDomainKey } from './shared-alr-domain';

/** [lo, hi] in A-LR units for all runs (or the given ones); pass it as yDomain / domain. */
export function useSharedAlrDomain(runIds?: readonly string[]): [number, number] {
  const ids = runIds?.join('\u0000');
  // biome-ignore lint/correctness/useExhaustiveDependencies: ids is runIds' value identity
  const select = useMemo(() => (s: TrainingState) => sharedAlrDomainKey(s, runIds), [ids]);
  const key = useStore(training.store, select);
  return useMemo(() => key.split(' ').map(Number) as [number, number], [key]);
}
