import { describe, expect, it } from 'vitest';
import type { AssetLoader } from './asset-loader';
import { loadSonnetsOnce } from './load-datasets';

describe('data sets decoded once per loader', () => {
  it('fetches and decodes once for repeated tasks, and per loader', async () => {
    let calls = 0;
    const loader: AssetLoader = async () => {
      calls += 1;
      return new TextEncoder().encode('shall I compare thee').buffer as ArrayBuffer;
    };
    const a = await loadSonnetsOnce(loader);
    const b = await loadSonnetsOnce(loader);
    expect(b).toBe(a);
    expect(calls).toBe(1);
    const other: AssetLoader = (path) => loader(path);
    await loadSonnetsOnce(other);
    expect(calls).toBe(2);
  });

  it('keeps no failure: the next call tries again', async () => {
    let fail = true;
    const loader: AssetLoader = async () => {
      if (fail) throw new Error('offline');
      return new TextEncoder().encode('rough winds').buffer as ArrayBuffer;
    };
    await expect(loadSonnetsOnce(loader)).rejects.toThrow('offline');
    fail = false;
    expect((await loadSonnetsOnce(loader)).text).toBe('rough winds');
  });
});
