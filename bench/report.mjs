// `npm run bench`'s last step: measures the built bundle's gzip sizes, merges the Node and browser
// results (dist-cli/bench-node.json, dist/bench-browser.json), prints a table against the issue #6
// targets and writes bench-results.json (metric name → value, plus machine/browser info).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleSizes } from './bundle-size.mjs';

const dist = 'dist';
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

// Targets from issue #6: [metric, comparison, target].
const TARGETS = [
  ['browser.updateRatio.webgpu', '<=', 0.4],
  ['browser.updateRatio.webgl', '<=', 0.35],
  ['updateRatio.cpu', '<=', 0.25],
  ['browser.updateRatio.cpu', '<=', 0.25],
  ['updateRatio.wasm', '<=', 1.0],
  ['browser.updateRatio.wasm', '<=', 1.0],
  ['engineRatio.cpu', '>=', 0.9],
  ['engineRatio.wasm', '>=', 0.9],
  ['browser.engineRatio.wasm', '>=', 0.9],
  ['heatmap1MMs', '<=', 3],
  ['heatmapAgg4MMs', '<=', 6],
  ['mainJsKbGz', '<=', 150],
  ['firstStepMs', '<=', 1500],
  ['firstContrastMs', '<=', 10000], // the first screen's promise: the contrast within 10 s, no click
  ['longTasks', '<=', 0],
  ['frameP95Ms', '<=', 25],
  // Issue #12 (bench/scene-bench.mjs): the model scenes in the app on WASM, and their FLOP rates.
  ['app.stepsPerS.fig1-mnist.wasm', '>=', 60],
  ['app.stepsPerS.mnist-cnn.wasm', '>=', 20],
  ['app.stepsPerS.charlm-sonnets.wasm', '>=', 20],
  ['app.flopRatio.mnist-cnn', '>=', 0.6],
  ['app.flopRatio.charlm-sonnets', '>=', 0.6],
  ['app.autoMeasureMs', '<=', 1500], // Auto's measurement of every backend (item 4)
];

const node = readJson('dist-cli/bench-node.json');
const browser = readJson('dist/bench-browser.json');
if (!node) process.stderr.write('no dist-cli/bench-node.json: run npm run bench:node\n');
if (!browser) process.stderr.write('no dist/bench-browser.json: run npm run bench:browser\n');
const sizes = existsSync(path.join(dist, 'index.html')) ? bundleSizes() : null;
const metrics = { ...(node?.metrics ?? {}), ...(browser?.metrics ?? {}), ...(sizes?.metrics ?? {}) };

// Medians of repeated measurements carry their spread (bench/spread.mjs): "min–max of n".
const spread = { ...(node?.spread ?? {}), ...(browser?.spread ?? {}) };
const fmt = (v) => (v === undefined ? '–' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));
const fmtSpread = (name) => {
  const s = spread[name];
  return s ? `${fmt(s.min)}–${fmt(s.max)} of ${s.n}` : '';
};
const rows = [];
for (const [name, cmp, target] of TARGETS) {
  const v = metrics[name];
  const ok =
    v === undefined ? 'not measured' : (cmp === '<=' ? v <= target : v >= target) ? 'meets' : 'misses';
  rows.push([name, fmt(v), fmtSpread(name), `${cmp} ${target}`, ok]);
}
for (const name of Object.keys(metrics).sort())
  if (!TARGETS.some(([t]) => t === name) && !/(^|\.)stepsPerS\./.test(name))
    rows.push([name, fmt(metrics[name]), fmtSpread(name), '', '']);
const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => r[i].length), 6));
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(line(['metric', 'median', 'spread', 'target', '']));
for (const r of rows) console.log(line(r));

/** One scaling table: rows are models, columns are backend × optimizer. */
function printScaling(title, scaling) {
  const backends = Object.keys(scaling ?? {}).filter((b) => scaling[b].length > 0);
  if (backends.length === 0) return;
  console.log(`\n${title}`);
  console.log(
    ['model', 'params', ...backends.flatMap((b) => [`${b} adam`, `${b} sadam`])]
      .map((c) => c.padEnd(16))
      .join(''),
  );
  scaling[backends[0]].forEach((m, i) => {
    const cells = backends.flatMap((b) => [scaling[b][i]?.adamStepsPerS, scaling[b][i]?.sadamStepsPerS]);
    console.log([m.layers, String(m.params), ...cells.map(fmt)].map((c) => c.padEnd(16)).join(''));
  });
}
printScaling('steps/s (batch 64, forward + backward + update), Node:', node?.scaling);
printScaling('steps/s (batch 64, forward + backward + update), Chromium:', browser?.scaling);

const result = {
  ...metrics,
  spread,
  date: new Date().toISOString(),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.arch()}`,
  node: node?.info ?? null,
  browser: browser ? { ...browser.info, userAgent: browser.detail?.userAgent } : null,
  backends: {
    node: node ? Object.keys(node.scaling ?? {}) : [],
    browser: browser
      ? ['webgpu', 'webgl', 'wasm', 'cpu'].filter((b) => `browser.updateRatio.${b}` in browser.metrics)
      : [],
  },
  bundleFiles: sizes?.files ?? null,
  detail: { ...(node?.detail ?? {}), ...(browser?.detail ?? {}) },
  scaling: { node: node?.scaling ?? null, browser: browser?.scaling ?? null },
};
writeFileSync('bench-results.json', `${JSON.stringify(result, null, 2)}\n`);
console.log('\nwrote bench-results.json');
