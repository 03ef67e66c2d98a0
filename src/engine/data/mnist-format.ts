// The shipped MNIST subset (public/data/mnist/, made by scripts/make-mnist.mjs): raw uint8 files,
// one byte per pixel (row-major 28×28, 0 = black background … 255 = ink) and one byte per label,
// plus meta.json; a file may be stored gzip-compressed (its `encoding`). Pure decoding only — no tfjs, no DOM, no fetch — so it runs in the worker, in
// Node and in tests alike.

export const MNIST_ROWS = 28;
export const MNIST_COLS = 28;
export const MNIST_PIXELS = MNIST_ROWS * MNIST_COLS;
export const MNIST_CLASSES = 10;

/** Folder of the subset, relative to the app's public root (see asset-loader.ts). */
export const MNIST_DIR = 'data/mnist';
export const MNIST_META_PATH = `${MNIST_DIR}/meta.json`;

export interface MnistFileInfo {
  /** File name relative to MNIST_DIR. */
  path: string;
  /** The size of the raw bytes (after decompression when the file is compressed). */
  bytes: number;
  /** Lower-case hex SHA-256 of the raw bytes. */
  sha256: string;
  /** `gzip`: the file holds the raw bytes gzip-compressed. Absent: the file is the raw bytes. */
  encoding?: 'gzip';
  /** The compressed file's size (informative: a server may decompress it on the way). */
  storedBytes?: number;
}

/** The shape of public/data/mnist/meta.json (written by scripts/make-mnist.mjs). */
export interface MnistMeta {
  format: 'anisoscope-mnist-u8';
  version: 1;
  /** Number of training images (and labels). */
  train: number;
  /** Number of test images (and labels). */
  test: number;
  rows: number;
  cols: number;
  classes: number;
  pixelFormat: string;
  files: {
    trainImages: MnistFileInfo;
    trainLabels: MnistFileInfo;
    testImages: MnistFileInfo;
    testLabels: MnistFileInfo;
  };
  selection: {
    trainPerClass: number;
    testPerClass: number;
    rule: string;
    trainSeed: number;
    testSeed: number;
    generator: string;
  };
  source: string;
  licence: string;
  stats: {
    /** Pixel positions that are 0 in every training image (a weight fed only by them gets no gradient). */
    trainAlwaysZeroPixels: number;
    trainAlwaysZeroFraction: number;
    testAlwaysZeroPixels: number;
    testAlwaysZeroFraction: number;
    trainBorder: { width: number; cells: number; alwaysZero: number; fraction: number }[];
    trainRarelyNonZero: { atMostImages: number; pixels: number }[];
  };
}

export type MnistFileKey = keyof MnistMeta['files'];
export const MNIST_FILE_KEYS: readonly MnistFileKey[] = [
  'trainImages',
  'trainLabels',
  'testImages',
  'testLabels',
];

export interface DecodedMnist {
  /** count × 784 values in [0, 1] (byte / 255), row-major per image. */
  images: Float32Array;
  /** count labels, 0–9 (a copy, not a view of the input). */
  labels: Uint8Array;
}

export class MnistFormatError extends Error {
  override name = 'MnistFormatError';
}

// byte / 255 computed once in float64 and rounded to float32 once.
const BYTE_TO_UNIT = Float32Array.from({ length: 256 }, (_, b) => b / 255);

/**
 * Decodes `count` images and labels from the raw uint8 files. Throws MnistFormatError when the sizes
 * do not match `count` or a label is not a digit 0–9.
 */
export function decodeMnist(images: Uint8Array, labels: Uint8Array, count: number): DecodedMnist {
  checkMnist(images, labels, count);
  return { images: decodeMnistPixels(images), labels: labels.slice() };
}

/** Pixel bytes as values in [0, 1] (byte / 255). */
export function decodeMnistPixels(images: Uint8Array): Float32Array {
  const out = new Float32Array(images.length);
  for (let p = 0; p < images.length; p++) out[p] = BYTE_TO_UNIT[images[p] as number] as number;
  return out;
}

/** Throws MnistFormatError when the sizes do not match `count` or a label is not a digit 0–9. */
export function checkMnist(images: Uint8Array, labels: Uint8Array, count: number): void {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new MnistFormatError(`decodeMnist: count must be a non-negative integer, got ${count}`);
  }
  const expectedPixels = count * MNIST_PIXELS;
  if (images.length !== expectedPixels) {
    throw new MnistFormatError(
      `decodeMnist: images hold ${images.length} bytes, expected ${count} × ${MNIST_PIXELS} = ${expectedPixels}`,
    );
  }
  if (labels.length !== count) {
    throw new MnistFormatError(`decodeMnist: labels hold ${labels.length} bytes, expected ${count}`);
  }
  for (let i = 0; i < count; i++) {
    const label = labels[i] as number;
    if (label >= MNIST_CLASSES) {
      throw new MnistFormatError(
        `decodeMnist: label ${i} is ${label}, expected a digit 0–${MNIST_CLASSES - 1}`,
      );
    }
  }
}

/** Checks a parsed meta.json against MnistMeta (the fields the loader relies on) and returns it typed. */
export function parseMnistMeta(json: unknown): MnistMeta {
  const fail = (what: string): never => {
    throw new MnistFormatError(`MNIST meta.json: ${what}`);
  };
  if (typeof json !== 'object' || json === null) return fail('not a JSON object');
  const meta = json as Record<string, unknown>;
  if (meta.format !== 'anisoscope-mnist-u8')
    fail(`format is ${JSON.stringify(meta.format)}, expected "anisoscope-mnist-u8"`);
  if (meta.version !== 1) fail(`version is ${JSON.stringify(meta.version)}, expected 1`);
  const count = (key: string): number => {
    const v = meta[key];
    return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : fail(`${key} is not a count`);
  };
  const train = count('train');
  const test = count('test');
  if (meta.rows !== MNIST_ROWS || meta.cols !== MNIST_COLS) {
    fail(`image size is ${String(meta.rows)}×${String(meta.cols)}, expected ${MNIST_ROWS}×${MNIST_COLS}`);
  }
  if (meta.classes !== MNIST_CLASSES) fail(`classes is ${String(meta.classes)}, expected ${MNIST_CLASSES}`);
  const files = meta.files;
  if (typeof files !== 'object' || files === null) return fail('files is missing');
  const expectedBytes: Record<MnistFileKey, number> = {
    trainImages: train * MNIST_PIXELS,
    trainLabels: train,
    testImages: test * MNIST_PIXELS,
    testLabels: test,
  };
  for (const key of MNIST_FILE_KEYS) {
    const info = (files as Record<string, unknown>)[key] as Partial<MnistFileInfo> | undefined;
    if (typeof info !== 'object' || info === null) fail(`files.${key} is missing`);
    const { path, bytes, sha256, encoding } = info as Partial<MnistFileInfo>;
    if (typeof path !== 'string' || path === '') fail(`files.${key}.path is missing`);
    if (encoding !== undefined && encoding !== 'gzip')
      fail(`files.${key}.encoding is ${JSON.stringify(encoding)}, expected "gzip" or none`);
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
      fail(`files.${key}.sha256 is not a hex SHA-256`);
    if (bytes !== expectedBytes[key]) {
      fail(
        `files.${key}.bytes is ${String(bytes)}, expected ${expectedBytes[key]} for ${train} train / ${test} test`,
      );
    }
  }
  return json as MnistMeta;
}
