import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useBackend } from '../../optim/testing/node-backends';
import { SPIRALS } from '../testing/measure-fixtures';
import { FieldBuffers, fieldBuffers } from './field-buffers';
import { Session } from './session';
import { transferables } from './snapshot';

describe('FieldBuffers', () => {
  it('reuses a buffer handed back, and makes new ones while none has come back', () => {
    const pool = new FieldBuffers();
    const first = pool.take(6);
    const second = pool.take(6);
    expect(second.buffer).not.toBe(first.buffer);
    pool.give([first.buffer as ArrayBuffer]);
    const third = pool.take(6);
    expect(third.buffer).toBe(first.buffer);
    expect(third.length).toBe(6);
    expect(pool.counts()).toEqual({ reused: 1, made: 2, free: 0 });
  });

  it('keeps only buffers of the length in use, and forgets them when the length changes', () => {
    const pool = new FieldBuffers();
    pool.take(6);
    pool.give([new ArrayBuffer(4 * 5), new ArrayBuffer(4 * 6 + 2), new ArrayBuffer(0)]);
    expect(pool.counts().free).toBe(0);
    pool.give([new ArrayBuffer(4 * 6)]);
    expect(pool.counts().free).toBe(1);
    pool.take(7); // another task: the length-6 buffer is of no use any more
    expect(pool.counts()).toMatchObject({ free: 0, reused: 0, made: 2 });
  });

  it('keeps at most 32 free arrays of a length, and 64 MB of them', () => {
    const pool = new FieldBuffers();
    pool.take(3);
    pool.give(Array.from({ length: 40 }, () => new ArrayBuffer(12)));
    expect(pool.counts().free).toBe(32);
    const big = 4 * 1024 * 1024; // 16 MB each
    pool.take(big);
    pool.give(Array.from({ length: 6 }, () => new ArrayBuffer(4 * big)));
    expect(pool.counts().free).toBe(4);
  });
});

describe.each(['cpu', 'wasm'] as const)(
  'a session on %s whose snapshot fields are handed back',
  (backend) => {
    const sessions: Session[] = [];
    beforeEach(() => useBackend(backend));
    afterEach(() => {
      for (const s of sessions.splice(0)) s.dispose();
    });

    it('fills reused arrays with the same fields as its twin, every value overwritten', async () => {
      const recycled = await Session.create(SPIRALS);
      const twin = await Session.create(SPIRALS); // the same runs, its fields compared
      sessions.push(recycled, twin);
      const reusedBefore = fieldBuffers.counts().reused;
      for (let block = 0; block < 4; block++) {
        recycled.advance(5);
        twin.advance(5);
        const a = await recycled.snapshot();
        const b = await twin.snapshot();
        for (const [i, run] of a.runs.entries()) {
          expect(run.alr, `block ${block} run ${i}`).toEqual(b.runs[i]?.alr);
          expect(run.alrStats).toEqual(b.runs[i]?.alrStats);
        }
        // Back to the pool, spoiled, as if the page had drawn on them: the next snapshot must overwrite all.
        for (const run of a.runs) run.alr.fill(-7);
        fieldBuffers.give(transferables(a));
      }
      expect(fieldBuffers.counts().reused, 'snapshots reused the buffers handed back').toBeGreaterThan(
        reusedBefore,
      );
    });
  },
);
