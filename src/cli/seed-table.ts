// The table `--seeds N` prints: per optimizer, final test accuracy and test loss as mean ± sd and the
// seed-to-seed range (min–max), like the paper's Table 1. Plain text with aligned columns.

import { accuracyCells, lossCells, type RunSummary } from '../stats/seed-summary';

function pad(cells: string[], widths: number[]): string {
  return cells
    .map((c, i) => c.padEnd(widths[i] ?? 0))
    .join('  ')
    .trimEnd();
}

/**
 * `heading` names the experiment (scene, steps, backend). Test loss falls back to training loss for
 * tasks without test data (the loss surfaces), and the header says so.
 */
export function formatSeedTable(heading: string, summary: readonly RunSummary[]): string {
  const hasTestLoss = summary.some((r) => r.testLoss);
  const lossName = hasTestLoss ? 'test loss' : 'train loss';
  const anyDiverged = summary.some((r) => r.diverged > 0);
  const header = [
    'optimizer',
    'test acc. % (mean ± sd)',
    'range',
    `${lossName} (mean ± sd)`,
    'range',
    'seeds',
    ...(anyDiverged ? ['diverged'] : []),
  ];
  const rows = summary.map((r) => [
    r.label,
    ...accuracyCells(r.accuracy),
    ...lossCells(hasTestLoss ? r.testLoss : r.trainLoss),
    String(r.seedCount),
    ...(anyDiverged ? [String(r.diverged)] : []),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const rule = '-'.repeat(widths.reduce((s, w) => s + w, 0) + 2 * (widths.length - 1));
  const lines = [heading, pad(header, widths), rule, ...rows.map((row) => pad(row, widths))];
  if (anyDiverged) lines.push('Diverged seeds are left out of the mean, sd and range of each column.');
  return `${lines.join('\n')}\n`;
}
