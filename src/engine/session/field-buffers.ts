// The arrays that carry a snapshot's per-parameter fields (the A-LR and the field on screen), reused.
// A fresh 109k-value array costs its first write one page fault per 4 kB page: in Chromium here, 0.7 ms
// per field, twice per snapshot, on the training worker (docs/PERFORMANCE.md, session 14). The page hands
// each snapshot's field buffers back once nothing on it reads them any more (state/field-loans.ts); a
// snapshot takes them from here, and only makes new ones while none has come back. A buffer given back
// was transferred, so nothing else holds it. Every value of a taken array is overwritten by its field.

/**
 * Free arrays kept per length, and in bytes overall: enough for the page's three held snapshots of several
 * seeds' runs, bounded for big models.
 */
const MAX_FREE_PER_LENGTH = 32;
const MAX_FREE_BYTES = 64 * 1024 * 1024;

export class FieldBuffers {
  private free: Float32Array[] = [];
  /** The length the last `take` asked for: only arrays of it are kept (one task, one field length). */
  private length = -1;
  private reused = 0;
  private made = 0;

  /** An array of `length` floats, reused when one has come back; its contents are stale. */
  take(length: number): Float32Array {
    if (length !== this.length) {
      this.length = length;
      this.free = [];
    }
    const reused = this.free.pop();
    if (reused) {
      this.reused++;
      return reused;
    }
    this.made++;
    return new Float32Array(length);
  }

  /** Buffers handed back (transferred, so ours alone); those of another length or over the bounds are dropped. */
  give(buffers: readonly ArrayBuffer[]): void {
    for (const buffer of buffers) {
      if (!(buffer instanceof ArrayBuffer) || buffer.byteLength !== 4 * this.length || this.length <= 0)
        continue;
      if (this.free.length >= MAX_FREE_PER_LENGTH) return;
      if ((this.free.length + 1) * buffer.byteLength > MAX_FREE_BYTES) return;
      this.free.push(new Float32Array(buffer));
    }
  }

  /** How many arrays `take` reused and how many it made (the heap e2e test reads them, through `anisoscopeStats()`). */
  counts(): { reused: number; made: number; free: number } {
    return { reused: this.reused, made: this.made, free: this.free.length };
  }
}

/** The worker's one pool: snapshots take from it, the page's returns go into it. */
export const fieldBuffers = new FieldBuffers();
