// Loads the shipped data sets through an injected AssetLoader and decodes them. No fetch, no
// node:fs here — the loader decides where the bytes come from.

import type { AssetLoader } from './asset-loader';
import { gunzip, isGzip } from './gzip';
import {
  checkMnist,
  decodeMnistPixels,
  MNIST_DIR,
  MNIST_FILE_KEYS,
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
  /** count × 784 floats in [0, 1], decoded on the first read (then the same array). */
  readonly images: Float32Array;
  /** count digits 0–9. */
  labels: Uint8Array;
}

export interface MnistData {
  meta: MnistMeta;
  train: MnistSplit;
  test: MnistSplit;
}

/**
 * Reads meta.json, then the four files in parallel; decompresses the gzip-encoded ones, checks their
 * sizes against meta and decodes.
 */
export async function loadMnist(loader: AssetLoader): Promise<MnistData> {
  const metaText = new TextDecoder().decode(await loader(MNIST_META_PATH));
  let json: unknown;
  try {
    json = JSON.parse(metaText);
  } catch (err) {
    throw new MnistFormatError(`${MNIST_META_PATH} is not valid JSON: ${(err as Error).message}`);
  }
  const meta = parseMnistMeta(json);
  const buffers = await Promise.all(
    MNIST_FILE_KEYS.map((key) => loader(`${MNIST_DIR}/${meta.files[key].path}`)),
  );
  performance.mark('engine:mnist-fetched'); // the start-up timeline (bench/app-bench.mjs)
  const raw = await Promise.all(
    MNIST_FILE_KEYS.map((key, i) => rawBytes(meta.files[key], new Uint8Array(buffers[i] as ArrayBuffer))),
  );
  const bytes = {} as Record<MnistFileKey, Uint8Array>;
  MNIST_FILE_KEYS.forEach((key, i) => {
    const data = raw[i] as Uint8Array;
    const info = meta.files[key];
    if (data.byteLength !== info.bytes) {
      throw new MnistFormatError(
        `${MNIST_DIR}/${info.path} has ${data.byteLength} bytes${info.encoding ? ` (${info.encoding}-decoded)` : ''}, meta.json says ${info.bytes}`,
      );
    }
    bytes[key] = data;
  });
  const split = (images: Uint8Array, labels: Uint8Array, count: number): MnistSplit => {
    checkMnist(images, labels, count);
    // The pixels become floats on first use: the training images (15.7 MB of float32, most of it page
    // faults on fresh memory) are first needed by the first step, after the step-0 snapshot is shown.
    let pixels: Float32Array | null = null;
    return {
      count,
      get images() {
        pixels ??= decodeMnistPixels(images);
        return pixels;
      },
      labels: labels.slice(),
    };
  };
  const data = {
    meta,
    train: split(bytes.trainImages, bytes.trainLabels, meta.train),
    test: split(bytes.testImages, bytes.testLabels, meta.test),
  };
  performance.mark('engine:mnist-ready');
  return data;
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

export const loadMnistOnce = oncePerLoader(loadMnist);
export const loadSonnetsOnce = oncePerLoader((loader) => loadTextCorpus(loader));
