// The soak's verdict: did anything grow beyond noise? Samples are taken with training paused, so the
// tensor count is exact; the heap after a forced GC still moves a little (JIT code, caches) and the
// bounded histories fill in a saw-tooth (they halve when full), so the heap is judged by peaks: the
// later half of the run may not peak above the earlier half by more than a small tolerance.

/** Bytes-ish tolerances in MB: absolute floor, and a fraction of the earlier peak. */
const HEAP_TOLERANCE = { floorMB: 2, fraction: 0.05 };
const BACKING_TOLERANCE = { floorMB: 4, fraction: 0.1 };

const peak = (xs) => Math.max(...xs);

function grew(name, early, late, tolerance) {
  const limit = early + Math.max(tolerance.floorMB, tolerance.fraction * early);
  return late > limit
    ? `${name} grew: later peak ${late.toFixed(2)} MB > earlier peak ${early.toFixed(2)} MB + tolerance (${limit.toFixed(2)} MB)`
    : null;
}

/** `samples[0]` is taken before training; the rest after each interval. */
export function judgeSoak(samples) {
  const trained = samples.slice(1);
  if (trained.length < 2) {
    return { summary: 'too few samples to judge growth (need at least 2 after the start)', problems: [] };
  }
  const mid = Math.ceil(trained.length / 2);
  const early = trained.slice(0, mid);
  const late = trained.slice(mid);
  const problems = [];
  const tensorsEarly = peak(early.map((s) => s.numTensors));
  const tensorsLate = peak(late.map((s) => s.numTensors));
  if (tensorsLate > tensorsEarly) problems.push(`tensor count grew: ${tensorsEarly} → ${tensorsLate}`);
  const bytesEarly = peak(early.map((s) => s.tensorMB));
  const bytesLate = peak(late.map((s) => s.tensorMB));
  if (bytesLate > bytesEarly + 1e-9)
    problems.push(`tensor bytes grew: ${bytesEarly.toFixed(3)} → ${bytesLate.toFixed(3)} MB`);
  const heap = grew(
    'JS heap',
    peak(early.map((s) => s.heapUsedMB)),
    peak(late.map((s) => s.heapUsedMB)),
    HEAP_TOLERANCE,
  );
  if (heap) problems.push(heap);
  // (Soaks from before the worker's heap was sampled have no such column.)
  const workerHeap =
    trained.every((s) => typeof s.workerHeapMB === 'number') &&
    grew(
      'engine worker JS heap',
      peak(early.map((s) => s.workerHeapMB)),
      peak(late.map((s) => s.workerHeapMB)),
      HEAP_TOLERANCE,
    );
  if (workerHeap) problems.push(workerHeap);
  if (trained.every((s) => s.backingStoreMB !== null)) {
    const backing = grew(
      'array-buffer backing store',
      peak(early.map((s) => s.backingStoreMB)),
      peak(late.map((s) => s.backingStoreMB)),
      BACKING_TOLERANCE,
    );
    if (backing) problems.push(backing);
  }
  if (trained.some((s) => s.stepsPerSecond <= 0))
    problems.push('training stalled: an interval with no steps');
  const rates = trained.map((s) => s.stepsPerSecond);
  const summary =
    `${trained.length} samples; tensors ${tensorsEarly} → ${tensorsLate}; ` +
    `JS heap peak ${peak(early.map((s) => s.heapUsedMB)).toFixed(1)} → ${peak(late.map((s) => s.heapUsedMB)).toFixed(1)} MB; ` +
    (trained.every((s) => typeof s.workerHeapMB === 'number')
      ? `worker heap peak ${peak(early.map((s) => s.workerHeapMB)).toFixed(1)} → ${peak(late.map((s) => s.workerHeapMB)).toFixed(1)} MB; `
      : '') +
    `steps/s ${Math.min(...rates).toFixed(1)}–${Math.max(...rates).toFixed(1)}; ` +
    (problems.length === 0 ? 'no growth beyond noise' : `${problems.length} problem(s)`);
  return { summary, problems };
}
