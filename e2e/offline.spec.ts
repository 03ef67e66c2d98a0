// The built site works from a sub-path (e.g. a GitHub Pages project page) and makes no request outside
// its own origin — data, wasm and workers included — so a lecture hall without internet is fine once
// the page has loaded. Serves dist/ (built by the e2e web server) under a deep sub-path.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { expect, sceneReady, test } from './fixtures';

const SUB = '/lectures/2026/anisoscope/';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.u8': 'application/octet-stream',
  // As most static hosts do: the bytes as stored, no Content-Encoding (the engine decompresses them).
  '.gz': 'application/gzip',
  '.md': 'text/markdown',
};

let server: Server;
let origin = '';

test.beforeAll(async () => {
  const root = join(process.cwd(), 'dist');
  if (!existsSync(join(root, 'index.html')))
    throw new Error('dist/ is missing: the e2e web server builds it first');
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(SUB)) {
      res.writeHead(404).end('outside the sub-path');
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname.slice(SUB.length)) || 'index.html');
    const file = join(root, rel.endsWith('/') || rel === '.' ? 'index.html' : rel);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('the built site runs from a sub-path with every request outside its origin blocked', async ({
  page,
  context,
}) => {
  const outside: string[] = [];
  const failed: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${origin}${SUB}`);
  await sceneReady(page);
  await page.getByTestId('step').click();
  await page.getByTestId('step').click();
  await expect(page.getByTestId('runs')).toHaveAttribute('data-step', '2');
  await expect(page.getByTestId('heatmaps-adam')).toBeVisible();
  expect(outside, 'requests outside the origin').toEqual([]);
  expect(failed, 'failed requests').toEqual([]);
});
