// Reads the files actually shipped in public/data through the Node loader and checks them against
// meta.json (sizes, SHA-256, counts, class balance, the always-zero pixel statistic).

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gunzip } from './gzip';
import { loadMnist, loadTextCorpus } from './load-datasets';
import { MNIST_DIR, MNIST_FILE_KEYS, MNIST_META_PATH, MNIST_PIXELS, parseMnistMeta } from './mnist-format';
import { nodeAssetLoader, projectPublicDir } from './node-asset-loader';
import { SONNETS_PATH } from './text-corpus';

const publicDir = projectPublicDir();
const load = nodeAssetLoader(publicDir);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('nodeAssetLoader', () => {
  it('returns exactly the file bytes as an ArrayBuffer', async () => {
    const buffer = await load(SONNETS_PATH);
    const direct = await readFile(path.join(publicDir, 'data', 'text', 'sonnets.txt'));
    expect(buffer).toBeInstanceOf(ArrayBuffer);
    expect(buffer.byteLength).toBe(direct.byteLength);
    expect(Buffer.from(buffer).equals(direct)).toBe(true);
  });

  it('names the missing file', async () => {
    await expect(load('data/mnist/no-such-file.u8')).rejects.toThrow(
      /could not load data\/mnist\/no-such-file.u8 from .*no-such-file.u8: no such file/,
    );
  });

  it('refuses paths that leave the public folder', async () => {
    await expect(load('../package.json')).rejects.toThrow(/asset path/);
    await expect(load('/etc/passwd')).rejects.toThrow(/asset path/);
  });
});

describe('shipped MNIST subset', () => {
  it('matches meta.json: sizes and SHA-256 of every file', async () => {
    const meta = parseMnistMeta(JSON.parse(new TextDecoder().decode(await load(MNIST_META_PATH))));
    expect(meta.train).toBe(5000);
    expect(meta.test).toBe(1000);
    for (const key of MNIST_FILE_KEYS) {
      const info = meta.files[key];
      const stored = new Uint8Array(await load(`${MNIST_DIR}/${info.path}`));
      // The image files ship gzip-compressed; meta.json's size and hash are those of the raw bytes.
      expect(info.encoding, key).toBe(key.endsWith('Images') ? 'gzip' : undefined);
      const raw = info.encoding === 'gzip' ? await gunzip(stored) : stored;
      if (info.encoding) expect(stored.byteLength, key).toBe(info.storedBytes);
      expect(raw.byteLength, key).toBe(info.bytes);
      expect(sha256(raw), key).toBe(info.sha256);
    }
  });

  it('reads class-balanced splits whose pixel bytes span 0 (background) to 255 (ink)', async () => {
    const { meta, train, test } = await loadMnist(load);
    for (const [split, perClass] of [
      [train, meta.selection.trainPerClass],
      [test, meta.selection.testPerClass],
    ] as const) {
      expect(split.pixels.length).toBe(split.count * MNIST_PIXELS);
      const counts = new Array(10).fill(0);
      for (const label of split.labels) counts[label]++;
      expect(counts).toEqual(new Array(10).fill(perClass));
      let min = Infinity;
      let max = -Infinity;
      for (const v of split.pixels) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      expect(min).toBe(0);
      expect(max).toBe(255);
    }
    // Shuffled, not grouped by class: the first 100 training labels already cover every digit.
    expect(new Set(train.labels.subarray(0, 100)).size).toBe(10);
  });

  it('has the always-black pixels that meta.json reports (the A-LR = 1/ε population)', async () => {
    const { meta, train } = await loadMnist(load);
    const alwaysZero: number[] = [];
    for (let p = 0; p < MNIST_PIXELS; p++) {
      let zero = true;
      for (let i = 0; i < train.count && zero; i++) zero = train.pixels[i * MNIST_PIXELS + p] === 0;
      if (zero) alwaysZero.push(p);
    }
    expect(alwaysZero.length).toBe(meta.stats.trainAlwaysZeroPixels);
    expect(alwaysZero.length / MNIST_PIXELS).toBeCloseTo(meta.stats.trainAlwaysZeroFraction, 12);
    // The whole top row is black in every training image; the centre pixel is not.
    for (let c = 0; c < 28; c++) expect(alwaysZero).toContain(c);
    expect(alwaysZero).not.toContain(14 * 28 + 14);
  });
});

describe('shipped text corpus', () => {
  it('is 8–20 kB of ASCII sonnets, 14 lines each, numbered in order', async () => {
    const buffer = await load(SONNETS_PATH);
    expect(buffer.byteLength).toBeGreaterThanOrEqual(8_000);
    expect(buffer.byteLength).toBeLessThanOrEqual(20_000);
    const { text, vocab, ids } = await loadTextCorpus(load);
    expect(/^[\n\x20-\x7e]*$/.test(text)).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    const blocks = text.trimEnd().split('\n\n');
    expect(blocks.slice(0, 1)).toEqual(['THE SONNETS\nby William Shakespeare']);
    const numbers: number[] = [];
    for (let b = 1; b < blocks.length; b += 2) {
      const n = Number(blocks[b]);
      expect(Number.isInteger(n) && n >= 1 && n <= 154, `block ${b}: ${blocks[b]}`).toBe(true);
      const lines = (blocks[b + 1] ?? '').split('\n');
      expect(lines.length, `sonnet ${n}`).toBe(14);
      // Quatrains flush left, the closing couplet indented by two spaces.
      expect(lines.filter((l) => l.startsWith('  ')).length, `sonnet ${n}`).toBe(2);
      numbers.push(n);
    }
    expect(numbers.length).toBeGreaterThanOrEqual(12);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    expect(ids.length).toBe(text.length);
    expect(vocab.chars[0]).toBe(' ');
  });
});

describe('browser-safe modules', () => {
  it('never import node: modules, tfjs or the DOM-only loader', async () => {
    for (const file of ['asset-loader.ts', 'mnist-format.ts', 'text-corpus.ts', 'load-datasets.ts']) {
      const source = await readFile(new URL(`./${file}`, import.meta.url), 'utf8');
      const imports = [...source.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
      for (const spec of imports) {
        expect(spec, file).not.toMatch(/^node:|^fs|^path|tensorflow|node-asset-loader/);
      }
    }
  });
});
