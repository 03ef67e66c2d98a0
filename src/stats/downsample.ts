// Snapshot history for the percentile-over-steps chart (the paper's Figure 1 x-axis). A lecture can
// train for an hour, so the history must stay bounded yet still cover the whole run: when full, drop
// every other point and keep only every 2nd push from then on. Memory is O(capacity), a push is O(1)
// amortised, and the kept points stay evenly spaced over the run, first and latest always included.

export interface SeriesPoint<T> {
  step: number;
  value: T;
}

export class BoundedSeries<T> {
  /** Most points held (and returned by `points()`), latest included. */
  readonly capacity: number;
  // Points whose push index is a multiple of `strideValue`, oldest first. At most capacity - 1, so the
  // latest point fits beside them when it is not one of them.
  private keptSteps: number[] = [];
  private keptValues: T[] = [];
  private latestPoint: SeriesPoint<T> | undefined;
  private latestKept = false;
  private strideValue = 1;
  private pushCount = 0;

  constructor(capacity: number) {
    // Two is the least that holds both the first and the latest point.
    if (!Number.isInteger(capacity) || capacity < 2) {
      throw new RangeError(`BoundedSeries: capacity must be an integer ≥ 2, got ${capacity}`);
    }
    this.capacity = capacity;
  }

  /** Appends a point; steps must increase strictly (call `clear()` when a run restarts). */
  push(step: number, value: T): void {
    if (this.latestPoint !== undefined && !(step > this.latestPoint.step)) {
      throw new RangeError(`BoundedSeries: step ${step} does not follow step ${this.latestPoint.step}`);
    }
    const index = this.pushCount++;
    this.latestPoint = { step, value };
    this.latestKept = index % this.strideValue === 0;
    if (!this.latestKept) return;
    this.keptSteps.push(step);
    this.keptValues.push(value);
    if (this.keptSteps.length >= this.capacity) this.halve();
  }

  /** Points held, oldest first: evenly spaced pushes from the first one, plus the latest. */
  points(): SeriesPoint<T>[] {
    const out: SeriesPoint<T>[] = [];
    this.forEach((step, value) => {
      out.push({ step, value });
    });
    return out;
  }

  /** Visits the points held, oldest first, without building an array. */
  forEach(visit: (step: number, value: T, i: number) => void): void {
    const kept = this.keptSteps.length;
    for (let i = 0; i < kept; i++) visit(this.keptSteps[i] as number, this.keptValues[i] as T, i);
    if (this.latestPoint && !this.latestKept) visit(this.latestPoint.step, this.latestPoint.value, kept);
  }

  /** Number of points held (≤ capacity). */
  get length(): number {
    return this.keptSteps.length + (this.latestPoint && !this.latestKept ? 1 : 0);
  }

  get first(): SeriesPoint<T> | undefined {
    if (this.keptSteps.length === 0) return undefined;
    return { step: this.keptSteps[0] as number, value: this.keptValues[0] as T };
  }

  get latest(): SeriesPoint<T> | undefined {
    return this.latestPoint;
  }

  /** Pushes between consecutive kept points: 1, then 2, 4, … as the run grows. */
  get stride(): number {
    return this.strideValue;
  }

  /** Pushes so far; grows on every push, so it doubles as a "changed" counter for redraws. */
  get pushes(): number {
    return this.pushCount;
  }

  clear(): void {
    this.keptSteps = [];
    this.keptValues = [];
    this.latestPoint = undefined;
    this.latestKept = false;
    this.strideValue = 1;
    this.pushCount = 0;
  }

  // Keeps kept[0], kept[2], … (push indices that are multiples of the doubled stride), in place. The
  // newest kept point may go, but it is still the latest and so still shown.
  private halve(): void {
    const steps = this.keptSteps;
    const values = this.keptValues;
    let w = 0;
    for (let r = 0; r < steps.length; r += 2, w++) {
      steps[w] = steps[r] as number;
      values[w] = values[r] as T;
    }
    steps.length = w;
    values.length = w;
    this.strideValue *= 2;
    this.latestKept = (this.pushCount - 1) % this.strideValue === 0;
  }
}
