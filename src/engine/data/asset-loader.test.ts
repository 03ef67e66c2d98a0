import { describe, expect, it } from 'vitest';
import { assetPathSegments, fetchAssetLoader } from './asset-loader';

function fakeFetch(respond: (url: URL) => Response) {
  const seen: string[] = [];
  const impl = async (url: URL) => {
    seen.push(url.href);
    return respond(url);
  };
  return { impl, seen };
}

describe('assetPathSegments', () => {
  it('splits a plain relative path', () => {
    expect(assetPathSegments('data/mnist/meta.json')).toEqual(['data', 'mnist', 'meta.json']);
  });

  it('rejects absolute, parent, empty, scheme and backslash paths', () => {
    for (const p of [
      '',
      '/data/x',
      '../secret',
      'data/../x',
      'data//x',
      './x',
      'http://h/x',
      'c:/x',
      'data\\x',
    ]) {
      expect(() => assetPathSegments(p), p).toThrow(/asset path/);
    }
  });
});

describe('fetchAssetLoader', () => {
  it('resolves paths against the base URL, treating it as a folder', async () => {
    const { impl, seen } = fakeFetch(() => new Response(new Uint8Array([1, 2, 3])));
    const withSlash = fetchAssetLoader('https://example.org/app/', impl);
    const withoutSlash = fetchAssetLoader(new URL('https://example.org/app?x=1#y'), impl);
    const bytes = new Uint8Array(await withSlash('data/mnist/train-labels.u8'));
    await withoutSlash('data/text/sonnets.txt');
    expect([...bytes]).toEqual([1, 2, 3]);
    expect(seen).toEqual([
      'https://example.org/app/data/mnist/train-labels.u8',
      'https://example.org/app/data/text/sonnets.txt',
    ]);
  });

  it('refuses a relative base URL with advice', () => {
    expect(() => fetchAssetLoader('./')).toThrow(/not absolute.*BASE_URL/);
  });

  it('throws an error naming the file and the status on a non-OK response', async () => {
    const { impl } = fakeFetch(() => new Response('nope', { status: 404, statusText: 'Not Found' }));
    const load = fetchAssetLoader('https://example.org/', impl);
    await expect(load('data/mnist/meta.json')).rejects.toThrow(
      'could not load data/mnist/meta.json: HTTP 404 Not Found from https://example.org/data/mnist/meta.json',
    );
  });

  it('names the file when the request itself fails', async () => {
    const load = fetchAssetLoader('https://example.org/', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(load('data/text/sonnets.txt')).rejects.toThrow(
      /could not fetch data\/text\/sonnets.txt .*Failed to fetch/,
    );
  });

  it('treats an HTML answer for a data file as missing (SPA fallback)', async () => {
    const { impl } = fakeFetch(
      () =>
        new Response('<!doctype html>', {
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8' },
        }),
    );
    const load = fetchAssetLoader('https://example.org/', impl);
    await expect(load('data/mnist/test-images.u8')).rejects.toThrow(
      /data\/mnist\/test-images.u8: got an HTML page/,
    );
    await expect(load('page.html')).resolves.toBeInstanceOf(ArrayBuffer);
  });

  it('rejects a path that escapes the base before fetching', async () => {
    const { impl, seen } = fakeFetch(() => new Response(''));
    await expect(fetchAssetLoader('https://example.org/app/', impl)('../x')).rejects.toThrow(/asset path/);
    expect(seen).toEqual([]);
  });
});
