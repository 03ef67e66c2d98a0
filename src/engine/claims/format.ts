// Claims in words: each quantity named the way a caption would ("Adam's max A-LR at the end"), and
// numbers written short (3 significant digits, exponent form when large or small).

import type { ClaimRun, Comparison, Quantity, RunStat, When } from './claim';

const STAT_WORDS: Record<RunStat, string> = {
  alrMin: 'min A-LR',
  alrP1: '1st-percentile A-LR',
  alrP25: '25th-percentile A-LR',
  alrMedian: 'median A-LR',
  alrP75: '75th-percentile A-LR',
  alrP99: '99th-percentile A-LR',
  alrMax: 'max A-LR',
  orders: 'A-LR spread (orders of magnitude)',
  loss: 'train loss',
  testLoss: 'test loss',
  accuracy: 'test accuracy',
  x: 'x',
  y: 'y',
  alrX: 'A-LR of x',
  alrY: 'A-LR of y',
  alrRatio: 'A-LR ratio y/x',
};

const OP_WORDS: Record<Comparison, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

export function opWords(op: Comparison): string {
  return OP_WORDS[op];
}

/** 3 significant digits; exponent form outside [1e-3, 1e4). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'n/a' : value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e4 || abs < 1e-3) return value.toExponential(2).replace('e+', 'e');
  return String(Number(value.toPrecision(3)));
}

function runName(runs: readonly ClaimRun[], id: string): string {
  return runs.find((r) => r.id === id)?.label ?? id;
}

function whenWords(at: When | undefined): string {
  return at === undefined || at === 'final' ? 'at the end' : `at step ${at.step}`;
}

/** A quantity named in words, e.g. "Adam's max A-LR at the end". */
export function describeQuantity(q: Quantity, runs: readonly ClaimRun[]): string {
  switch (q.kind) {
    case 'stat':
      return `${runName(runs, q.run)}'s ${STAT_WORDS[q.stat]} ${whenWords(q.at)}`;
    case 'extreme': {
      const range =
        q.from !== undefined && q.to !== undefined
          ? ` over steps ${q.from}–${q.to}`
          : q.from !== undefined
            ? ` from step ${q.from}`
            : q.to !== undefined
              ? ` up to step ${q.to}`
              : ' over the run';
      const stat = q.abs ? `|${STAT_WORDS[q.stat]}|` : STAT_WORDS[q.stat];
      return `${runName(runs, q.run)}'s ${q.extreme === 'max' ? 'highest' : 'lowest'} ${stat}${range}`;
    }
    case 'distance':
      return `the distance between ${runName(runs, q.runs[0])}'s and ${runName(runs, q.runs[1])}'s points ${whenWords(q.at)}`;
    case 'distanceTo':
      return `${runName(runs, q.run)}'s distance from ${q.name} ${whenWords(q.at)}`;
    case 'firstStep':
      return `the first step where ${runName(runs, q.run)}'s ${q.abs ? `|${STAT_WORDS[q.stat]}|` : STAT_WORDS[q.stat]} is ${q.crosses} ${formatNumber(q.level)}`;
    case 'constant':
      return q.name || formatNumber(q.value);
  }
}

/** "words (measured)" — a constant is its own number. */
export function quantityWithValue(q: Quantity, value: number, runs: readonly ClaimRun[]): string {
  const words = describeQuantity(q, runs);
  if (q.kind === 'firstStep') return `${words} (${Number.isFinite(value) ? value : 'never'})`;
  return q.kind === 'constant' && words === formatNumber(value) ? words : `${words} (${formatNumber(value)})`;
}
