// The built site's JavaScript sizes, gzip -9 (issue #6's mainJsKbGz target: <= 150 KiB): the page's
// initial JavaScript (dist/index.html's module script and modulepreloads plus everything they import
// statically; of `import()` chunks only the entry's own, which it loads at once: main.tsx starts the
// engine worker, then imports the app) and the engine worker's. Used by bench/report.mjs; run on its own
// after `vite build` (`npm run size` does both) to print just the sizes; `node bench/bundle-size.mjs DIR`
// reads another build folder.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** A JS file and every chunk it imports statically (not `import()`), transitively. */
function staticClosure(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    const re = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{$][^;]*?from\s*)?["'`](\.\.?\/[^"'`]+\.js)["'`]/g;
    for (const m of code.matchAll(re)) visit(path.join(path.dirname(file), m[1]));
  };
  visit(entry);
  return [...seen];
}

const kbGz = (files) => files.reduce((s, f) => s + gzipSync(readFileSync(f), { level: 9 }).length, 0) / 1024;

export function bundleSizes(dist = 'dist') {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  // The entry's own `import()`s: the app proper, loaded unconditionally right after the worker starts.
  const loadedAtOnce = entries.flatMap((src) => {
    const file = path.join(dist, src);
    const code = readFileSync(file, 'utf8');
    return [...code.matchAll(/import\(\s*["'`](\.\.?\/[^"'`]+\.js)["'`]\s*\)/g)].map((m) =>
      path.relative(dist, path.join(path.dirname(file), m[1])),
    );
  });
  const main = new Set();
  for (const src of [...entries, ...preloads, ...loadedAtOnce])
    for (const f of staticClosure(path.join(dist, src))) main.add(f);
  const workerEntry = readdirSync(path.join(dist, 'assets')).find((f) => /^worker-.*\.js$/.test(f));
  const worker = workerEntry ? staticClosure(path.join(dist, 'assets', workerEntry)) : [];
  return {
    metrics: { mainJsKbGz: kbGz([...main]), workerJsKbGz: kbGz(worker) },
    files: { main: [...main], worker },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { metrics, files } = bundleSizes(process.argv[2]);
  for (const file of files.main)
    console.log(
      `  ${(gzipSync(readFileSync(file), { level: 9 }).length / 1024).toFixed(1).padStart(6)} KiB  ${file}`,
    );
  console.log(
    `mainJsKbGz ${metrics.mainJsKbGz.toFixed(1)} (target <= 150), workerJsKbGz ${metrics.workerJsKbGz.toFixed(1)}`,
  );
}
