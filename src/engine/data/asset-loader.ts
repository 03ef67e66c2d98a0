// How the engine reads the files under public/ (MNIST subset, text corpus) without knowing where it
// runs: the caller injects an AssetLoader. In the browser / worker use fetchAssetLoader; in Node
// (tests, headless experiments) use nodeAssetLoader from ./node-asset-loader — a separate module so
// that node:fs never reaches the browser bundle. This file must stay free of Node imports.

import { errorMessage } from '../error-message';

/** Reads one file, given its path relative to the app's public root (e.g. "data/mnist/meta.json"). */
export type AssetLoader = (relativePath: string) => Promise<ArrayBuffer>;

/**
 * Rejects anything but a plain relative path below the public root: no leading "/", no scheme or
 * drive ("x:"), no backslashes, no empty, "." or ".." segments. Returns the path's segments.
 */
export function assetPathSegments(relativePath: string): string[] {
  const bad = (why: string): never => {
    throw new Error(`asset path ${JSON.stringify(relativePath)} ${why}`);
  };
  if (typeof relativePath !== 'string' || relativePath === '') bad('is empty');
  if (relativePath.startsWith('/')) bad('must be relative to the public root (no leading "/")');
  if (relativePath.includes('\\')) bad('must use "/" as separator');
  if (relativePath.includes(':')) bad('must not contain a scheme or drive (":")');
  const segments = relativePath.split('/');
  for (const s of segments) {
    if (s === '' || s === '.' || s === '..') bad('must not contain empty, "." or ".." segments');
  }
  return segments;
}

/**
 * Loads assets over HTTP(S) relative to `baseUrl`, which must be absolute: relative URLs resolve
 * against the *worker script's* URL inside a worker, which breaks under Vite's `base: './'`. From
 * the page, pass e.g. `new URL(import.meta.env.BASE_URL, document.baseURI).href` to the worker.
 * A non-OK status, a network failure, or an HTML page where a data file was expected (the dev
 * server's SPA fallback answers a missing file with index.html and status 200) throw an Error
 * that names the file.
 */
export function fetchAssetLoader(
  baseUrl: string | URL,
  fetchImpl: (url: URL) => Promise<Response> = (url) => fetch(url),
): AssetLoader {
  let base: URL;
  try {
    base = new URL(String(baseUrl));
  } catch {
    throw new Error(
      `fetchAssetLoader: base URL ${JSON.stringify(String(baseUrl))} is not absolute; ` +
        'resolve it first, e.g. new URL(import.meta.env.BASE_URL, document.baseURI).href',
    );
  }
  // "https://host/app" would resolve "data/x" to "https://host/data/x": treat the base as a folder.
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  base.search = '';
  base.hash = '';

  return async (relativePath) => {
    assetPathSegments(relativePath);
    const url = new URL(relativePath, base);
    let response: Response;
    try {
      response = await fetchImpl(url);
    } catch (err) {
      const why = errorMessage(err);
      throw new Error(`could not fetch ${relativePath} (${url.href}): ${why}`);
    }
    if (!response.ok) {
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      throw new Error(`could not load ${relativePath}: HTTP ${status} from ${url.href}`);
    }
    const type = response.headers.get('content-type') ?? '';
    if (type.startsWith('text/html') && !/\.html?$/i.test(relativePath)) {
      throw new Error(
        `could not load ${relativePath}: got an HTML page from ${url.href} (missing file answered by an SPA fallback?)`,
      );
    }
    return response.arrayBuffer();
  };
}
