// The bench's repeated measurements: the median is the reported value, and the spread (smallest,
// largest, how many) goes next to it in bench-results.json (`spread`), so that a reader sees how far a
// single run could have strayed from it on this machine.

/** The median of `xs` (NaN when empty). */
export function medianOf(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? Number.NaN : n % 2 ? s[(n - 1) >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** { n, min, median, max } of repeated measurements of one metric. */
export function spreadOf(xs) {
  const finite = xs.filter(Number.isFinite);
  return {
    n: finite.length,
    min: finite.length ? Math.min(...finite) : Number.NaN,
    median: medianOf(finite),
    max: finite.length ? Math.max(...finite) : Number.NaN,
  };
}
