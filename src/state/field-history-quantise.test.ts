// FieldHistory quantises a field once it is kept behind a newer one, never the newest: once the history
// is full most pushes replace the newest, and quantising each snapshot's field cost the page ~30 ms a
// second while training (issue #12). The newest, still floats, reads back as the same bytes.
import { describe, expect, it, vi } from 'vitest';
import { FieldHistory } from './field-history';
import { byteValue, logByte } from './log-byte';

const quantised = vi.hoisted(() => ({ fields: 0 }));
vi.mock('./log-byte', async (original) => {
  const real = await original<typeof import('./log-byte')>();
  return {
    ...real,
    logBytes: (field: Float32Array, length: number) => {
      quantised.fields += 1;
      return real.logBytes(field, length);
    },
  };
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('FieldHistory quantisation', () => {
  it('quantises only fields that a newer one follows, each once', async () => {
    const history = new FieldHistory(4, 8);
    const pushes = 400;
    for (let step = 1; step <= pushes; step++) {
      history.push(step, Float32Array.from([step, 1 / step, 0, Number.NaN]));
      await tick(); // the flush timer runs between snapshots, as on the page
    }
    // With 8 frames the stride doubles as the run grows: far fewer kept fields than pushes.
    expect(quantised.fields).toBeLessThan(pushes / 4);
    expect(quantised.fields).toBeGreaterThanOrEqual(history.length - 1);
  });

  it('the newest field, still floats, reads back as its quantised bytes', async () => {
    const history = new FieldHistory(3);
    history.push(1, Float32Array.from([1e8, 72.13, Number.NaN]));
    history.push(2, Float32Array.from([1e-3, 0.5, 3]));
    await tick();
    const expected = (v: number) => Math.fround(byteValue(logByte(Math.fround(v))));
    expect(Array.from(history.series(0))).toEqual([expected(1e8), expected(1e-3)]);
    expect(Array.from(history.series(1))).toEqual([expected(72.13), expected(0.5)]);
    expect(Number.isNaN(history.series(2)[0])).toBe(true);
    expect(history.series(2)[1]).toBe(expected(3));
  });
});
