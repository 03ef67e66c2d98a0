// A bounded history of a run's whole A-LR field, for the hover sparkline of any one coordinate.
// Each snapshot's field is kept as log10 quantised to one byte (14 decades in 254 levels, 0.055
// decade apart): 109 k parameters × 96 snapshots is 10 MB instead of 42 MB as float32. When full,
// every other snapshot is dropped, so the history always spans the whole run. The depth adapts to the
// model's size (fieldHistoryDepth), so that big models keep fewer frames within one memory budget.

import { fieldLoans } from './field-loans';
import { byteValue, logByte, logBytes } from './log-byte';

/** All runs' field histories together stay under this (one byte per parameter per kept frame). */
export const FIELD_HISTORY_BUDGET_BYTES = 48 * 1024 * 1024;
export const MAX_FIELD_FRAMES = 96;
/** Even the largest experiment keeps a short history (the budget check bounds the model size). */
export const MIN_FIELD_FRAMES = 4;

/**
 * How many frames each run's history keeps: as many as fit the budget (MAX_FIELD_FRAMES for the usual
 * models), fewer for big ones, so that the page heap stays bounded whatever the model size. With 3.7 M
 * parameters in two runs it is 6 frames, 45 MB; at 109 k parameters (MNIST 128-64) the full 96.
 */
export function fieldHistoryDepth(fieldLength: number, runs: number): number {
  const perFrame = Math.max(1, fieldLength) * Math.max(1, runs);
  const fits = Math.floor(FIELD_HISTORY_BUDGET_BYTES / perFrame);
  return Math.max(MIN_FIELD_FRAMES, Math.min(MAX_FIELD_FRAMES, fits));
}

/** A frame leaves the history: a float one was a lent field (field-loans.ts). */
function letGo(frame: Uint8Array | Float32Array | undefined): void {
  if (frame instanceof Float32Array) fieldLoans.release(frame);
}

export class FieldHistory {
  // A pushed field is quantised in a task of its own (a timer), not in the snapshot's message task
  // (issue #6: no main-thread task over 50 ms); until then the frame is the float field itself.
  private frames: (Uint8Array | Float32Array)[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private frameSteps: number[] = [];
  private stride = 1;
  private pushes = 0;

  constructor(
    readonly fieldLength: number,
    readonly capacity = MAX_FIELD_FRAMES,
  ) {}

  /** Adds a snapshot's field (must have the history's length). */
  push(step: number, field: Float32Array): void {
    if (field.length !== this.fieldLength)
      throw new Error(`field has ${field.length} values; history holds ${this.fieldLength}`);
    this.pushes += 1;
    const keep = (this.pushes - 1) % this.stride === 0;
    const frame = field;
    fieldLoans.hold(frame); // until it is quantised or dropped
    this.scheduleFlush();
    if (!keep && this.frames.length > 0) {
      // Between kept points only the latest survives, so the newest state is always visible.
      letGo(this.frames[this.frames.length - 1]);
      this.frames[this.frames.length - 1] = frame;
      this.frameSteps[this.frameSteps.length - 1] = step;
      return;
    }
    this.frames.push(frame);
    this.frameSteps.push(step);
    if (this.frames.length > this.capacity) {
      this.frames.forEach((f, i) => {
        if (i % 2 !== 0 && i !== this.frames.length - 1) letGo(f);
      });
      this.frames = this.frames.filter((_, i) => i % 2 === 0 || i === this.frames.length - 1);
      this.frameSteps = this.frameSteps.filter((_, i) => i % 2 === 0 || i === this.frameSteps.length - 1);
      this.stride *= 2;
    }
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== null) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, 0);
  }

  /**
   * Quantises the frames still held as floats, but for the newest: once the history is full, the next
   * push usually replaces it, and quantising every snapshot's field (2 × 109 k values ~30 times a
   * second) was the page's largest JavaScript item while training (issue #12's long tasks).
   */
  private flush(): void {
    for (let i = 0; i < this.frames.length - 1; i++) {
      const frame = this.frames[i];
      if (frame instanceof Float32Array) {
        this.frames[i] = logBytes(frame, this.fieldLength);
        fieldLoans.release(frame);
      }
    }
  }

  get length(): number {
    return this.frames.length;
  }

  steps(): number[] {
    return [...this.frameSteps];
  }

  /** The coordinate's A-LR at each kept snapshot (NaN where there was none). */
  series(index: number): Float32Array {
    this.flush();
    const out = new Float32Array(this.frames.length);
    this.frames.forEach((frame, i) => {
      // The newest frame may still be floats: the same quantisation, one value.
      out[i] = byteValue(
        frame instanceof Float32Array ? logByte(frame[index] ?? Number.NaN) : (frame[index] ?? 0),
      );
    });
    return out;
  }
}
