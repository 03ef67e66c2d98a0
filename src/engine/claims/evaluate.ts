// Evaluates a scene's claim over the runs the headless runner recorded. A quantity that cannot be
// measured (no such run, no snapshot at that step, no surface point) is NaN, and a check on NaN fails
// with its words saying "n/a": a claim never passes for lack of data.

import type { Claim, ClaimRun, ClaimSnapshot, Quantity, RunStat, SceneClaim, When } from './claim';
import { describeQuantity, formatNumber, opWords, quantityWithValue } from './format';

export interface CheckResult {
  pass: boolean;
  /** The check in words with the measured numbers. */
  words: string;
}

export interface ClaimResult {
  pass: boolean;
  says: string;
  checks: CheckResult[];
}

function statOf(s: ClaimSnapshot, stat: RunStat): number {
  const pointAlr = s.pointAlr;
  switch (stat) {
    case 'alrMin':
      return s.alr.min;
    case 'alrP1':
      return s.alr.p1;
    case 'alrP25':
      return s.alr.p25;
    case 'alrMedian':
      return s.alr.p50;
    case 'alrP75':
      return s.alr.p75;
    case 'alrP99':
      return s.alr.p99;
    case 'alrMax':
      return s.alr.max;
    case 'orders':
      return s.ordersOfMagnitude;
    case 'loss':
      return s.loss;
    case 'testLoss':
      return s.testLoss ?? Number.NaN;
    case 'accuracy':
      return s.accuracy ?? Number.NaN;
    case 'x':
      return s.point?.[0] ?? Number.NaN;
    case 'y':
      return s.point?.[1] ?? Number.NaN;
    case 'alrX':
      return pointAlr?.[0] ?? Number.NaN;
    case 'alrY':
      return pointAlr?.[1] ?? Number.NaN;
    case 'alrRatio':
      return pointAlr ? pointAlr[1] / pointAlr[0] : Number.NaN;
  }
}

function snapshotAt(runs: readonly ClaimRun[], id: string, at: When | undefined): ClaimSnapshot | undefined {
  const run = runs.find((r) => r.id === id);
  if (!run) return undefined;
  if (at === undefined || at === 'final') return run.snapshots[run.snapshots.length - 1];
  return run.snapshots.find((s) => s.step === at.step);
}

function pointOf(runs: readonly ClaimRun[], id: string, at: When | undefined): [number, number] | undefined {
  return snapshotAt(runs, id, at)?.point;
}

/** The measured value of a quantity (NaN when it cannot be measured; Infinity: a crossing never seen). */
export function measure(q: Quantity, runs: readonly ClaimRun[]): number {
  switch (q.kind) {
    case 'stat': {
      const s = snapshotAt(runs, q.run, q.at);
      return s ? statOf(s, q.stat) : Number.NaN;
    }
    case 'extreme': {
      const run = runs.find((r) => r.id === q.run);
      const values = (run?.snapshots ?? [])
        .filter((s) => s.step >= (q.from ?? -Infinity) && s.step <= (q.to ?? Infinity))
        .map((s) => (q.abs ? Math.abs(statOf(s, q.stat)) : statOf(s, q.stat)));
      if (values.length === 0 || values.some(Number.isNaN)) return Number.NaN;
      return q.extreme === 'max' ? Math.max(...values) : Math.min(...values);
    }
    case 'distance': {
      const a = pointOf(runs, q.runs[0], q.at);
      const b = pointOf(runs, q.runs[1], q.at);
      return a && b ? Math.hypot(a[0] - b[0], a[1] - b[1]) : Number.NaN;
    }
    case 'distanceTo': {
      const a = pointOf(runs, q.run, q.at);
      return a ? Math.hypot(a[0] - q.point[0], a[1] - q.point[1]) : Number.NaN;
    }
    case 'firstStep': {
      const run = runs.find((r) => r.id === q.run);
      if (!run || run.snapshots.length === 0) return Number.NaN;
      for (const s of run.snapshots) {
        const raw = statOf(s, q.stat);
        const v = q.abs ? Math.abs(raw) : raw;
        if (q.crosses === 'above' ? v > q.level : v < q.level) return s.step;
      }
      return Number.POSITIVE_INFINITY;
    }
    case 'constant':
      return q.value;
  }
}

function holds(left: number, op: '<' | '<=' | '>' | '>=', right: number): boolean {
  if (Number.isNaN(left) || Number.isNaN(right)) return false;
  if (op === '<') return left < right;
  if (op === '<=') return left <= right;
  if (op === '>') return left > right;
  return left >= right;
}

export function evaluateCheck(claim: Claim, runs: readonly ClaimRun[]): CheckResult {
  switch (claim.kind) {
    case 'compare': {
      const left = measure(claim.left, runs);
      const right = measure(claim.right, runs);
      const factor = claim.factor ?? 1;
      const scaled = factor === 1 ? '' : `${formatNumber(factor)} × `;
      return {
        pass: holds(left, claim.op, factor * right),
        words: `${quantityWithValue(claim.left, left, runs)} ${opWords(claim.op)} ${scaled}${quantityWithValue(claim.right, right, runs)}`,
      };
    }
    case 'near': {
      const left = measure(claim.left, runs);
      const right = measure(claim.right, runs);
      return {
        pass: Math.abs(left - right) <= claim.tolerance * Math.abs(right),
        words: `${quantityWithValue(claim.left, left, runs)} is within ${formatNumber(100 * claim.tolerance)} % of ${quantityWithValue(claim.right, right, runs)}`,
      };
    }
    case 'increasing': {
      const values = claim.quantities.map((q) => measure(q, runs));
      const pass = values.every((v, i) => i === 0 || holds(values[i - 1] as number, '<', v));
      return {
        pass: pass && values.length > 1,
        words: claim.quantities.map((q, i) => quantityWithValue(q, values[i] as number, runs)).join(' < '),
      };
    }
    case 'monotone': {
      const run = runs.find((r) => r.id === claim.run);
      const values = (run?.snapshots ?? []).map((s) => statOf(s, claim.stat));
      const slack = claim.slack ?? 0;
      // The largest move against the claimed direction, relative to the value before it.
      let worst = 0;
      for (let i = 1; i < values.length; i++) {
        const before = values[i - 1] as number;
        const move = ((values[i] as number) - before) / Math.abs(before);
        worst = Math.max(worst, claim.direction === 'nonIncreasing' ? move : -move);
      }
      const subject = describeQuantity({ kind: 'stat', run: claim.run, stat: claim.stat }, runs).replace(
        / at the end$/,
        '',
      );
      const bad = values.length < 2 || values.some(Number.isNaN);
      return {
        pass: !bad && worst <= slack,
        words: `${subject} never ${claim.direction === 'nonIncreasing' ? 'rises' : 'falls'} between snapshots (largest ${claim.direction === 'nonIncreasing' ? 'rise' : 'fall'}: ${bad ? 'n/a' : `${formatNumber(100 * worst)} %`}${slack ? `, allowed ${formatNumber(100 * slack)} %` : ''})`,
      };
    }
    case 'rises': {
      const run = runs.find((r) => r.id === claim.run);
      const values = (run?.snapshots ?? []).map((s) => statOf(s, claim.stat));
      // The largest rise from the lowest value so far to a later one, relative to that low.
      let low = Number.POSITIVE_INFINITY;
      let best = 0;
      for (const v of values) {
        if (Number.isNaN(v)) continue;
        if (Number.isFinite(low)) best = Math.max(best, (v - low) / Math.abs(low));
        low = Math.min(low, v);
      }
      const subject = describeQuantity({ kind: 'stat', run: claim.run, stat: claim.stat }, runs).replace(
        / at the end$/,
        '',
      );
      const bad = values.length < 2 || values.some(Number.isNaN);
      return {
        pass: !bad && best >= claim.atLeast,
        words: `${subject} grows back by ≥ ${formatNumber(100 * claim.atLeast)} % from its lowest so far (largest: ${bad ? 'n/a' : `${formatNumber(100 * best)} %`})`,
      };
    }
    case 'noDivergence': {
      const diverged = claim.runs.filter((id) => {
        const run = runs.find((r) => r.id === id);
        return !run || run.divergedAt !== null || run.snapshots.length === 0;
      });
      return {
        pass: diverged.length === 0,
        words: diverged.length ? `diverged or missing: ${diverged.join(', ')}` : 'no run diverged',
      };
    }
  }
}

export function evaluateClaim(claim: SceneClaim, runs: readonly ClaimRun[]): ClaimResult {
  const checks = claim.checks.map((c) => evaluateCheck(c, runs));
  return { pass: checks.length > 0 && checks.every((c) => c.pass), says: claim.says, checks };
}

/** One report line per scene: PASS/FAIL, the id, what it says, then each check with its numbers. */
export function formatClaimResult(sceneId: string, result: ClaimResult): string {
  const head = `${result.pass ? 'PASS' : 'FAIL'}  ${sceneId}: ${result.says}`;
  const lines = result.checks.map((c) => `    ${c.pass ? '✓' : '✗'} ${c.words}`);
  return [head, ...lines].join('\n');
}
