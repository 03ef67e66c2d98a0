import { describe, expect, it } from 'vitest';
import { resolveSpec } from '../../optim/spec';
import type { Percentiles } from '../../stats/percentiles';
import { type PhiViewRun, phiView } from './phi-geometry';

const run = (runId: string, name: Parameters<typeof resolveSpec>[0], alr: Percentiles): PhiViewRun => ({
  runId,
  label: runId,
  color: '#000',
  spec: resolveSpec(name),
  step: 100,
  alr,
});

/** A-LR percentiles of coordinates at these z (ascending), through φ — what the engine would report. */
function alrAt(
  phi: (z: number) => number,
  z: [number, number, number, number, number, number, number],
): Percentiles {
  const [min, p1, p25, p50, p75, p99, max] = z.map((v) => 1 / phi(v)) as number[];
  return {
    min: max as number,
    p1: p99 as number,
    p25: p75 as number,
    p50: p50 as number,
    p75: p25 as number,
    p99: p1 as number,
    max: min as number,
  };
}

describe('φ view geometry', () => {
  const zs: [number, number, number, number, number, number, number] = [0, 1e-7, 1e-5, 1e-4, 1e-3, 1e-2, 0.1];
  const adam = run(
    'adam',
    { name: 'adam' },
    alrAt((z) => z + 1e-8, zs),
  );
  const sadam = run(
    'sadam',
    { name: 'sadam' },
    alrAt((z) => Math.log1p(Math.exp(50 * z)) / 50, zs),
  );
  const data = phiView([
    adam,
    sadam,
    run('sgdm', { name: 'sgdm' }, { min: 1, p1: 1, p25: 1, p50: 1, p75: 1, p99: 1, max: 1 }),
  ]);
  const [a, s, m] = data.curves;

  it('recovers each run’s z quantiles from its A-LR percentiles', () => {
    for (const curve of [a, s]) {
      const marks = curve?.marks;
      if (!marks) throw new Error(`${curve?.runId} has no marks`);
      expect(marks.min).toBe(0);
      expect(marks.p50 / 1e-4).toBeCloseTo(1, 5);
      expect(marks.max / 0.1).toBeCloseTo(1, 5);
    }
    expect((a?.marks?.p1 ?? 0) / 1e-7).toBeCloseTo(1, 5);
    expect(m?.marks).toBeNull(); // φ ≡ 1 says nothing about z
  });

  it('shows why Adam’s A-LR spans decades and Sadam’s stays within one', () => {
    expect(a?.band?.decades).toBeCloseTo(Math.log10(0.1 / 1e-8), 6); // 7 decades
    expect(s?.band?.decades).toBeLessThan(1);
    expect(m?.band?.decades).toBe(0);
    expect(a?.band?.phiLow).toBeCloseTo(1e-8, 20);
    expect(s?.band?.phiLow).toBeCloseTo(Math.LN2 / 50, 12);
  });

  it('puts every curve and band on one pair of log axes', () => {
    expect(data.zDomain[0]).toBeLessThanOrEqual(1e-9);
    expect(data.zDomain[1]).toBeGreaterThanOrEqual(0.3);
    expect(data.phiDomain[0]).toBeLessThanOrEqual(1e-8);
    expect(data.phiDomain[1]).toBeGreaterThanOrEqual(10);
    for (const c of data.curves) {
      expect(c.points.length).toBeGreaterThan(100);
      for (const [z, v] of c.points) {
        expect(z).toBeGreaterThanOrEqual(data.zDomain[0] * (1 - 1e-12));
        expect(v).toBeGreaterThanOrEqual(data.phiDomain[0]);
        expect(v).toBeLessThanOrEqual(data.phiDomain[1]);
      }
    }
  });

  it('draws a custom φ, and gives a non-monotone one a band but no z marks', () => {
    const nan = {
      min: Number.NaN,
      p1: Number.NaN,
      p25: Number.NaN,
      p50: Number.NaN,
      p75: Number.NaN,
      p99: Number.NaN,
      max: Number.NaN,
    };
    const bump = phiView([
      run(
        'c',
        { name: 'custom', phi: '1 + abs(z - 1)' },
        { ...nan, min: 0.5, max: 1, p50: 0.7, p25: 0.6, p75: 0.8, p1: 0.5, p99: 1 },
      ),
      run('fresh', { name: 'adam' }, nan),
    ]);
    expect(bump.curves[0]?.marks).toBeNull();
    expect(bump.curves[0]?.band?.decades).toBeCloseTo(Math.log10(2), 12);
    expect(bump.curves[0]?.points.length).toBeGreaterThan(100);
    // Before the first step: a curve, but neither marks nor band.
    expect(bump.curves[1]?.marks).toBeNull();
    expect(bump.curves[1]?.band).toBeNull();
  });

  it('marks a flat start of φ as a range, not as z = 0', () => {
    const flat = phiView([
      run(
        'm',
        { name: 'custom', phi: 'max(z, 1e-2)' },
        { min: 100, p1: 100, p25: 100, p50: 100, p75: 100, p99: 100, max: 100 },
      ),
    ]);
    const marks = flat.curves[0]?.marks;
    expect(marks?.max).toBe(0);
    expect((marks?.flatBelow ?? 0) / 1e-2).toBeCloseTo(1, 5);
    expect(flat.zDomain[1]).toBeGreaterThan(1e-2);
    // Adam's diagonal rises at once: its zeros are true zeros.
    expect(data.curves[0]?.marks?.flatBelow).toBe(0);
  });
});
