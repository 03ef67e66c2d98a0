// Loads the shipped data sets through an injected AssetLoader and decodes them. No fetch, no
// node:fs here — the loader decides where the bytes come from.

import type { AssetLoader } from './asset-loader';
import { gunzip, isGzip } from './gzip';
import {
  checkMnist,
  MNIST_DIR,
  MNIST_META_PATH,
  type MnistFileInfo,
  type MnistFileKey,
  MnistFormatError,
  type MnistMeta,
  parseMnistMeta,
} from './mnist-format';
import { buildVocabulary, encodeText, SONNETS_PATH, type Vocabulary } from './text-corpus';

export interface MnistSplit {
  count: number;
  /**
   * count × 784 pixel bytes, row-major, 0 = background … 255 = ink. The task makes them floats on its
   * backend (tasks/mnist-pixels.ts): on WASM inside the heap, without a JS pass over every pixel.
   */
  pixels: Uint8Array;
  /** count digits 0–9. */
  labels: Uint8Array;
}

export interface MnistData {
  meta: MnistMeta;
  train: MnistSplit;
  test: MnistSplit;
}

/**
 * MNIST as the app loads it: meta.json and the test set first (a step-0 snapshot needs only those), the
 * training set when `train()` is first called. Its download then no longer stands between a page's
 * opening and its first picture: it is 0.8 of the 1.0 MB.
 */
export interface MnistLoading {
  meta: MnistMeta;
  test: MnistSplit;
  /** Downloads and checks the training set on the first call; later calls share it. A failure is not kept. */
  train(): Promise<MnistSplit>;
}

type Split = 'train' | 'test';
const SPLIT_FILES: Record<Split, readonly [MnistFileKey, MnistFileKey]> = {
  train: ['trainImages', 'trainLabels'],
  test: ['testImages', 'testLabels'],
};

/** Reads meta.json and the test set's two files; the training set waits for `train()`. */
export async function loadMnistInStages(loader: AssetLoader): Promise<MnistLoading> {
  const metaText = new TextDecoder().decode(await loader(MNIST_META_PATH));
  let json: unknown;
  try {
    json = JSON.parse(metaText);
  } catch (err) {
    throw new MnistFormatError(`${MNIST_META_PATH} is not valid JSON: ${(err as Error).message}`);
  }
  const meta = parseMnistMeta(json);
  const test = await loadSplit(loader, meta, 'test');
  performance.mark('engine:mnist-ready'); // the start-up timeline (bench/app-bench.mjs)
  let train: Promise<MnistSplit> | null = null;
  return {
    meta,
    test,
    train() {
      train ??= loadSplit(loader, meta, 'train');
      train.catch(() => {
        train = null;
      });
      return train;
    },
  };
}

/** Reads meta.json, then both splits; decompresses the gzip-encoded files, checks their sizes and decodes. */
export async function loadMnist(loader: AssetLoader): Promise<MnistData> {
  const staged = await loadMnistInStages(loader);
  return { meta: staged.meta, train: await staged.train(), test: staged.test };
}

/** One split's images and labels, fetched in parallel, sizes checked against meta, labels checked. */
async function loadSplit(loader: AssetLoader, meta: MnistMeta, which: Split): Promise<MnistSplit> {
  const keys = SPLIT_FILES[which];
  const [images, labels] = await Promise.all(
    keys.map(async (key) => {
      const info = meta.files[key];
      const data = await rawBytes(info, new Uint8Array(await loader(`${MNIST_DIR}/${info.path}`)));
      if (data.byteLength !== info.bytes) {
        throw new MnistFormatError(
          `${MNIST_DIR}/${info.path} has ${data.byteLength} bytes${info.encoding ? ` (${info.encoding}-decoded)` : ''}, meta.json says ${info.bytes}`,
        );
      }
      return data;
    }),
  );
  const count = meta[which];
  checkMnist(images as Uint8Array, labels as Uint8Array, count);
  return { count, pixels: images as Uint8Array, labels: (labels as Uint8Array).slice() };
}

/**
 * A file's raw bytes. A gzip-encoded file is decompressed here, unless a server already did (it sent
 * the file with `Content-Encoding: gzip`, and the browser decoded it): then the bytes lack gzip's magic
 * number and are the raw bytes already.
 */
async function rawBytes(info: MnistFileInfo, stored: Uint8Array): Promise<Uint8Array> {
  if (info.encoding !== 'gzip' || !isGzip(stored)) return stored;
  try {
    return await gunzip(stored);
  } catch (err) {
    // Raw bytes that merely begin with 1f 8b (decoded by the server) are still the file.
    if (stored.byteLength === info.bytes) return stored;
    throw new MnistFormatError(
      `${MNIST_DIR}/${info.path} is not a valid gzip file: ${(err as Error).message}`,
    );
  }
}

export interface TextCorpus {
  text: string;
  vocab: Vocabulary;
  /** One token id per character of `text`. */
  ids: Int32Array;
}

/** Reads a UTF-8 text file (default: the Sonnets), builds its vocabulary and encodes it. */
export async function loadTextCorpus(
  loader: AssetLoader,
  relativePath: string = SONNETS_PATH,
): Promise<TextCorpus> {
  const buffer = await loader(relativePath);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new Error(`${relativePath} is not valid UTF-8`);
  }
  const vocab = buildVocabulary(text);
  return { text, vocab, ids: encodeText(text, vocab) };
}

/**
 * `load`, decoded once per loader: a scene change, a reset or Auto's measurement (which builds the task
 * on each backend) reuse the decoded arrays instead of fetching and decoding again. The arrays are only
 * read from. A failure is not kept, so the next call tries again.
 */
function oncePerLoader<T>(load: (loader: AssetLoader) => Promise<T>): (loader: AssetLoader) => Promise<T> {
  const kept = new WeakMap<AssetLoader, Promise<T>>();
  return (loader) => {
    let pending = kept.get(loader);
    if (!pending) {
      pending = load(loader);
      kept.set(loader, pending);
      pending.catch(() => kept.delete(loader));
    }
    return pending;
  };
}

export const loadMnistOnce = oncePerLoader(loadMnistInStages);
export const loadSonnetsOnce = oncePerLoader((loader) => loadTextCorpus(loader));
