import { describe, expect, it } from 'vitest';
import { coalescing } from './coalesce';

describe('coalescing', () => {
  it('sends the first request at once and merges everything that arrives meanwhile into one', async () => {
    const sent: number[] = [];
    let release: () => void = () => undefined;
    const send = (n: number) =>
      new Promise<boolean>((resolve) => {
        sent.push(n);
        release = () => resolve(true);
      });
    const step = coalescing(send, (a, b) => Math.min(1000, a + b));
    const first = step(1);
    const rest = Array.from({ length: 500 }, () => step(5));
    expect(sent).toEqual([1]);
    release();
    expect(await first).toBe(true);
    await Promise.resolve();
    await Promise.resolve();
    expect(sent).toEqual([1, 1000]); // 500 × 5 capped by the merge
    release();
    expect(await Promise.all(rest)).toEqual(rest.map(() => true));
    // Idle again: the next request goes straight out.
    const later = step(2);
    expect(sent).toEqual([1, 1000, 2]);
    release();
    expect(await later).toBe(true);
  });

  it('a failed send does not stop the merged request behind it', async () => {
    const sent: string[] = [];
    let answer: (ok: boolean) => void = () => undefined;
    const send = (v: string) =>
      new Promise<boolean>((resolve) => {
        sent.push(v);
        answer = resolve;
      });
    const setSpec = coalescing(send, (a, b) => a + b);
    const first = setSpec('a');
    const second = setSpec('b');
    setSpec('c');
    answer(false);
    expect(await first).toBe(false);
    await Promise.resolve();
    await Promise.resolve();
    expect(sent).toEqual(['a', 'bc']);
    answer(true);
    expect(await second).toBe(true);
  });
});
