import { describe, expect, it } from 'vitest';
import { defaultSpec } from '../../optim/spec';
import type { HistoryPoint } from '../../state/training-store';
import { BoundedSeries } from '../../stats/downsample';
import type { Percentiles } from '../../stats/percentiles';
import { historyAlrExtent } from './history-extent';
import { sharedAlrDomainKey } from './shared-alr-domain';

const alr = (lo: number, hi: number): Percentiles => ({
  min: lo,
  p1: lo,
  p25: lo,
  p50: Math.sqrt(lo * hi),
  p75: hi,
  p99: hi,
  max: hi,
});
const point = (lo: number, hi: number): HistoryPoint => ({ trainLoss: 1, alr: alr(lo, hi) });

describe('historyAlrExtent', () => {
  it('folds each new point and keeps extremes that downsampling dropped', () => {
    const s = new BoundedSeries<HistoryPoint>(4);
    s.push(1, point(1, 1e8));
    expect(historyAlrExtent(s)).toEqual([1, 1e8]);
    for (let step = 2; step < 20; step++) {
      s.push(step, point(10, 100));
      historyAlrExtent(s);
    }
    expect(historyAlrExtent(s)).toEqual([1, 1e8]);
    s.push(20, point(0.5, NaN));
    expect(historyAlrExtent(s)).toEqual([0.5, 1e8]);
  });

  it('rescans when it missed pushes, and is null for NaN-only histories', () => {
    const s = new BoundedSeries<HistoryPoint>(10);
    s.push(1, point(NaN, NaN));
    expect(historyAlrExtent(s)).toBeNull();
    s.push(2, point(3, 4));
    s.push(3, point(2, 5));
    expect(historyAlrExtent(s)).toEqual([2, 5]);
  });
});

describe('sharedAlrDomainKey', () => {
  it('spans every run and every ceiling, in whole decades', () => {
    const adam = new BoundedSeries<HistoryPoint>(10);
    adam.push(1, point(30, 1e8));
    const sadam = new BoundedSeries<HistoryPoint>(10);
    sadam.push(1, point(20, 72));
    const state = {
      snapshot: {
        step: 1,
        backend: 'cpu',
        taskTitle: 't',
        runs: [
          { runId: 'adam', spec: defaultSpec('adam') },
          { runId: 'sadam', spec: defaultSpec('sadam') },
        ],
      },
      history: { adam, sadam },
    } as unknown as Parameters<typeof sharedAlrDomainKey>[0];
    expect(sharedAlrDomainKey(state)).toBe('10 1000000000');
    expect(sharedAlrDomainKey(state, ['sadam'])).toBe('10 1000');
    expect(sharedAlrDomainKey({ snapshot: null, history: {} })).toBe('1 10');
  });
});
