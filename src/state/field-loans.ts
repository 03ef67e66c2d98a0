// A snapshot's field arrays (the A-LR, and the field on screen when it is another) are the engine
// worker's buffers, lent: once nothing on the page can read one any more, its buffer goes back to the
// worker (transferred), and a later snapshot reuses it instead of paying for fresh memory
// (engine/session/field-buffers.ts). The holders:
//  - the training store: a snapshot until two newer ones have arrived, so that anything React rendered
//    from the one before (a tooltip's closure) still reads real values;
//  - each heatmap renderer: the field it painted, which its tooltip and cursor read;
//  - each field history: a frame until it is quantised to bytes.
// Counts live in a WeakMap: a holder dropped without releasing keeps its buffer from coming back (it is
// then collected with the holder), never the reverse. Anything not lent (tests, a field the page built)
// is ignored.

import type { Snapshot } from '../engine/session/snapshot-types';

type GiveBack = (buffers: ArrayBuffer[]) => void;

export class FieldLoans {
  private readonly holds = new WeakMap<ArrayBufferLike, number>();
  private due: ArrayBuffer[] = [];
  private flushQueued = false;

  constructor(private giveBack: GiveBack | null = null) {}

  /** Where buffers go back to (the engine client); null: they are only let go. */
  connect(giveBack: GiveBack | null): void {
    this.giveBack = giveBack;
  }

  /** Registers a new snapshot's field arrays, each held once by the caller (who must release each once). */
  lend(arrays: readonly Float32Array[]): void {
    for (const array of arrays)
      if (array.buffer.byteLength > 0 && !this.holds.has(array.buffer)) this.holds.set(array.buffer, 1);
  }

  hold(array: Float32Array): void {
    const count = this.holds.get(array.buffer);
    if (count !== undefined) this.holds.set(array.buffer, count + 1);
  }

  /** Drops one hold; the last one sends the buffer back (in one message with the others due). */
  release(array: Float32Array): void {
    const { buffer } = array;
    const count = this.holds.get(buffer);
    if (count === undefined) return;
    if (count > 1) {
      this.holds.set(buffer, count - 1);
      return;
    }
    this.holds.delete(buffer);
    if (!(buffer instanceof ArrayBuffer)) return;
    this.due.push(buffer);
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => this.flush());
  }

  /** How many holds a lent array has (0: not lent, or back already). */
  holdsOn(array: Float32Array): number {
    return this.holds.get(array.buffer) ?? 0;
  }

  private flush(): void {
    this.flushQueued = false;
    const buffers = this.due.filter((b) => b.byteLength > 0);
    this.due = [];
    if (buffers.length) this.giveBack?.(buffers);
  }
}

/** A snapshot's field arrays, one per buffer: every run's A-LR and field on screen, of every seed. */
export function fieldArraysOf(snapshot: Snapshot): Float32Array[] {
  const byBuffer = new Map<ArrayBufferLike, Float32Array>();
  // (A hand-made snapshot may lack a field: only real arrays are lent.)
  for (const run of [...snapshot.runs, ...(snapshot.seedRuns?.flat() ?? [])])
    for (const array of [run.alr, run.shown?.values])
      if (array instanceof Float32Array && !byBuffer.has(array.buffer)) byBuffer.set(array.buffer, array);
  return [...byBuffer.values()];
}

/** The page's one ledger (the engine connection connects it to the worker). */
export const fieldLoans = new FieldLoans();
