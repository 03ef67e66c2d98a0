// Multi-rank selection in place: puts the order statistics at the requested ranks where a full sort
// would put them, in O(n log k) instead of O(n log n). Percentiles of a 4M-float A-LR field need only
// ten ranks, and this runs in the engine worker at display cadence (about 3× faster than a typed sort).

type Numeric = Float32Array | Float64Array;

/**
 * Reorders `a[0..n)` so that, for every rank r in `ranks` (sorted ascending, each in [0, n)), `a[r]` is
 * the value a full ascending sort would put at r. Values must be non-NaN (callers filter them out).
 */
export function selectRanks(a: Numeric, n: number, ranks: ArrayLike<number>): void {
  if (n <= 1) return;
  selectRange(a, 0, n - 1, ranks, 0, ranks.length);
}

// Selects the middle requested rank, which partitions the range around it, then the ranks on each side
// within that side only. The second of a pair (below, below + 1) is then the minimum of its range.
function selectRange(
  a: Numeric,
  lo: number,
  hi: number,
  ranks: ArrayLike<number>,
  rFrom: number,
  rTo: number,
): void {
  if (rFrom >= rTo || hi <= lo) return;
  const mid = (rFrom + rTo) >> 1;
  const k = ranks[mid] as number;
  if (k === lo) moveExtreme(a, lo, hi, lo);
  else if (k === hi) moveExtreme(a, lo, hi, hi);
  else floydRivest(a, k, lo, hi);
  // Ranks equal to k (duplicates in the list) are done.
  let left = mid;
  while (left > rFrom && ranks[left - 1] === k) left--;
  let right = mid + 1;
  while (right < rTo && ranks[right] === k) right++;
  selectRange(a, lo, k - 1, ranks, rFrom, left);
  selectRange(a, k + 1, hi, ranks, right, rTo);
}

// One scan for a rank at either end of the range: the min (or max) swapped into place.
function moveExtreme(a: Numeric, lo: number, hi: number, at: number): void {
  let best = at;
  if (at === lo) {
    for (let i = lo + 1; i <= hi; i++) if ((a[i] as number) < (a[best] as number)) best = i;
  } else {
    for (let i = lo; i < hi; i++) if ((a[i] as number) > (a[best] as number)) best = i;
  }
  swap(a, at, best);
}

// Floyd & Rivest (1975), "Algorithm 489: SELECT": on large ranges it first selects k within a small
// sample around where k is expected, so the partition pivot lands close to rank k and each pass
// discards most of the range (about n + o(n) comparisons, against ~3.4n for median-of-3 quickselect).
// Equal keys stop both scans, so a range full of duplicates (every weight fed by a black MNIST border
// pixel sits at exactly 1/ε) still splits in the middle. An iteration budget guards the deterministic
// worst case: past it, the range gets the native typed sort.
function floydRivest(a: Numeric, k: number, left: number, right: number): void {
  let budget = 2 * Math.ceil(Math.log2(right - left + 1)) + 8;
  while (right > left) {
    if (budget-- === 0) {
      a.subarray(left, right + 1).sort();
      return;
    }
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m < n / 2 ? -1 : 1);
      const sampleLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const sampleRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      floydRivest(a, k, sampleLeft, sampleRight);
    }
    const t = a[k] as number;
    let i = left;
    let j = right;
    swap(a, left, k);
    if ((a[right] as number) > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while ((a[i] as number) < t) i++;
      while ((a[j] as number) > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    // Now a[j] = t, a[left..j) ≤ t ≤ a(j..right].
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Numeric, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}
