import { describe, expect, it } from 'vitest';
import type { Claim, ClaimRun, ClaimSnapshot, Quantity } from './claim';
import { evaluateCheck, evaluateClaim, formatClaimResult, measure } from './evaluate';
import { formatNumber } from './format';

const alr = (min: number, max: number) => ({
  min,
  p1: min,
  p25: min,
  p50: (min + max) / 2,
  p75: max,
  p99: max,
  max,
});

function snap(step: number, o: Partial<ClaimSnapshot> = {}): ClaimSnapshot {
  return { step, loss: 1 / step, alr: alr(1, 10), ordersOfMagnitude: 1, ...o };
}

const RUNS: ClaimRun[] = [
  {
    id: 'adam',
    label: 'Adam',
    divergedAt: null,
    snapshots: [
      snap(10, { alr: alr(1, 1e8), ordersOfMagnitude: 8, point: [0, 0], pointAlr: [2, 2000] }),
      snap(20, { alr: alr(2, 1e8), ordersOfMagnitude: 7.7, point: [0.5, 0.6], pointAlr: [3, 3000] }),
      snap(30, { alr: alr(3, 1e8), ordersOfMagnitude: 7.5, point: [1, -0.9], pointAlr: [4, 4000] }),
    ],
  },
  {
    id: 'sadam',
    label: 'Sadam β=50',
    divergedAt: null,
    snapshots: [
      snap(10, { alr: alr(30, 72), point: [0, 0], pointAlr: [2, 14] }),
      snap(20, { alr: alr(20, 72), point: [0.2, 0], pointAlr: [3, 14] }),
      snap(30, { alr: alr(25, 70), point: [1, 3], pointAlr: [4, 14] }),
    ],
  },
  { id: 'gone', label: 'Diverged', divergedAt: 12, snapshots: [snap(10)] },
];

const q = {
  stat: (run: string, stat: Extract<Quantity, { kind: 'stat' }>['stat'], step?: number): Quantity =>
    step === undefined ? { kind: 'stat', run, stat } : { kind: 'stat', run, stat, at: { step } },
  value: (value: number, name = ''): Quantity => ({ kind: 'constant', value, name }),
};

describe('claim quantities', () => {
  it('reads statistics at the end or at a step, and surface points and A-LR', () => {
    expect(measure(q.stat('adam', 'alrMax'), RUNS)).toBe(1e8);
    expect(measure(q.stat('adam', 'alrMin', 20), RUNS)).toBe(2);
    expect(measure(q.stat('adam', 'orders'), RUNS)).toBe(7.5);
    expect(measure(q.stat('adam', 'y'), RUNS)).toBe(-0.9);
    expect(measure(q.stat('adam', 'alrY'), RUNS)).toBe(4000);
    expect(measure(q.stat('adam', 'alrRatio'), RUNS)).toBe(1000);
    expect(measure(q.stat('sadam', 'alrMedian'), RUNS)).toBe(47.5);
  });

  it('is NaN for what was not measured: unknown run, missing step, no accuracy, no point', () => {
    expect(measure(q.stat('nobody', 'loss'), RUNS)).toBeNaN();
    expect(measure(q.stat('adam', 'loss', 15), RUNS)).toBeNaN();
    expect(measure(q.stat('adam', 'accuracy'), RUNS)).toBeNaN();
    expect(measure(q.stat('gone', 'x'), RUNS)).toBeNaN();
    expect(measure({ kind: 'distance', runs: ['adam', 'gone'] }, RUNS)).toBeNaN();
  });

  it('measures extremes over a window, of the value or its absolute value', () => {
    expect(measure({ kind: 'extreme', run: 'adam', stat: 'orders', extreme: 'max', from: 20 }, RUNS)).toBe(
      7.7,
    );
    expect(measure({ kind: 'extreme', run: 'adam', stat: 'orders', extreme: 'min', to: 20 }, RUNS)).toBe(7.7);
    expect(measure({ kind: 'extreme', run: 'adam', stat: 'y', extreme: 'max' }, RUNS)).toBe(0.6);
    expect(measure({ kind: 'extreme', run: 'adam', stat: 'y', abs: true, extreme: 'max' }, RUNS)).toBe(0.9);
    expect(measure({ kind: 'extreme', run: 'adam', stat: 'y', extreme: 'max', from: 99 }, RUNS)).toBeNaN();
  });

  it('measures distances between runs and to a point, and first crossings', () => {
    expect(measure({ kind: 'distance', runs: ['adam', 'sadam'] }, RUNS)).toBeCloseTo(3.9, 12);
    expect(measure({ kind: 'distance', runs: ['adam', 'sadam'], at: { step: 20 } }, RUNS)).toBeCloseTo(
      Math.hypot(0.3, 0.6),
      12,
    );
    expect(measure({ kind: 'distanceTo', run: 'sadam', point: [1, -1], name: 'm' }, RUNS)).toBe(4);
    const first = (level: number): Quantity => ({
      kind: 'firstStep',
      run: 'adam',
      stat: 'y',
      abs: true,
      crosses: 'above',
      level,
    });
    expect(measure(first(0.5), RUNS)).toBe(20);
    expect(measure(first(0.7), RUNS)).toBe(30);
    expect(measure(first(5), RUNS)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('claim checks', () => {
  const check = (claim: Claim) => evaluateCheck(claim, RUNS);

  it('compares with a factor, and says so with the numbers', () => {
    const ok = check({
      kind: 'compare',
      left: q.stat('adam', 'alrMax'),
      op: '>=',
      right: q.value(1e8, '1/ε'),
      factor: 0.99,
    });
    expect(ok.pass).toBe(true);
    expect(ok.words).toBe("Adam's max A-LR at the end (1.00e8) ≥ 0.99 × 1/ε (1.00e8)");
    expect(
      check({ kind: 'compare', left: q.stat('sadam', 'alrMax'), op: '<', right: q.value(70) }).pass,
    ).toBe(false);
    expect(
      check({ kind: 'compare', left: q.stat('sadam', 'alrMax'), op: '<=', right: q.value(70) }).pass,
    ).toBe(true);
    expect(
      check({ kind: 'compare', left: q.stat('sadam', 'alrMax'), op: '>', right: q.value(70) }).pass,
    ).toBe(false);
  });

  it('never passes on data that is not there', () => {
    const missing = check({ kind: 'compare', left: q.stat('adam', 'accuracy'), op: '<=', right: q.value(2) });
    expect(missing.pass).toBe(false);
    expect(missing.words).toContain('(n/a)');
    expect(check({ kind: 'near', left: q.stat('x', 'loss'), right: q.value(1), tolerance: 10 }).pass).toBe(
      false,
    );
  });

  it('checks nearness, order, monotony, growing back and divergence', () => {
    expect(
      check({ kind: 'near', left: q.stat('adam', 'alrMax'), right: q.value(1.005e8), tolerance: 0.01 }).pass,
    ).toBe(true);
    expect(
      check({ kind: 'near', left: q.stat('adam', 'alrMax'), right: q.value(1.2e8), tolerance: 0.01 }).pass,
    ).toBe(false);
    const order = (runs: string[]) =>
      check({ kind: 'increasing', quantities: runs.map((r) => q.stat(r, 'alrMax')) }).pass;
    expect(order(['sadam', 'adam'])).toBe(true);
    expect(order(['adam', 'sadam'])).toBe(false);
    expect(order(['adam'])).toBe(false);
    const falls = check({ kind: 'monotone', run: 'adam', stat: 'orders', direction: 'nonIncreasing' });
    expect(falls.pass).toBe(true);
    expect(check({ kind: 'monotone', run: 'adam', stat: 'alrMin', direction: 'nonIncreasing' }).pass).toBe(
      false,
    );
    expect(
      check({ kind: 'monotone', run: 'sadam', stat: 'alrMin', direction: 'nonIncreasing', slack: 0.25 }).pass,
    ).toBe(true);
    const back = check({ kind: 'rises', run: 'sadam', stat: 'alrMin', atLeast: 0.2 });
    expect(back.pass).toBe(true);
    expect(back.words).toContain('largest: 25 %');
    expect(check({ kind: 'rises', run: 'sadam', stat: 'alrMin', atLeast: 0.3 }).pass).toBe(false);
    expect(check({ kind: 'noDivergence', runs: ['adam', 'sadam'] }).pass).toBe(true);
    const diverged = check({ kind: 'noDivergence', runs: ['adam', 'gone', 'missing'] });
    expect(diverged.pass).toBe(false);
    expect(diverged.words).toBe('diverged or missing: gone, missing');
  });

  it('a claim holds only when every check holds, and reports each', () => {
    const good: Claim = { kind: 'compare', left: q.stat('adam', 'orders'), op: '>=', right: q.value(5) };
    const bad: Claim = { kind: 'compare', left: q.stat('sadam', 'orders'), op: '>=', right: q.value(5) };
    const pass = evaluateClaim({ says: 'Adam spreads', checks: [good], cost: 'fast' }, RUNS);
    expect(pass.pass).toBe(true);
    const fail = evaluateClaim({ says: 'both spread', checks: [good, bad], cost: 'fast' }, RUNS);
    expect(fail.pass).toBe(false);
    expect(formatClaimResult('demo', fail).split('\n')).toEqual([
      'FAIL  demo: both spread',
      "    ✓ Adam's A-LR spread (orders of magnitude) at the end (7.5) ≥ 5",
      "    ✗ Sadam β=50's A-LR spread (orders of magnitude) at the end (1) ≥ 5",
    ]);
    expect(evaluateClaim({ says: 'nothing', checks: [], cost: 'fast' }, RUNS).pass).toBe(false);
  });
});

describe('numbers in words', () => {
  it('keeps three significant digits, exponent form when large or small', () => {
    expect(formatNumber(72.13475)).toBe('72.1');
    expect(formatNumber(1e8)).toBe('1.00e8');
    expect(formatNumber(6.16e-6)).toBe('6.16e-6');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('n/a');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});
