// loadMnist with gzip-encoded files (public/data/mnist/*.gz): the same data as the raw files, also when
// a server has already decoded them, and a clear error naming the file when one is corrupt.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { AssetLoader } from './asset-loader';
import { gunzip, isGzip } from './gzip';
import { loadMnist, loadMnistInStages } from './load-datasets';
import { MNIST_DIR, MNIST_META_PATH, MNIST_PIXELS, MnistFormatError } from './mnist-format';

const TRAIN = 3;
const TEST = 2;
const sha = 'ab'.repeat(32);

/** Pixel bytes with ink in a few places and a label per image. */
function split(count: number, offset: number) {
  const images = new Uint8Array(count * MNIST_PIXELS);
  for (let i = 0; i < images.length; i += 7) images[i] = (i + offset) % 256;
  const labels = Uint8Array.from({ length: count }, (_, i) => (i + offset) % 10);
  return { images, labels };
}
const train = split(TRAIN, 1);
const test = split(TEST, 5);

function meta(encoded: boolean) {
  const file = (name: string, bytes: number) => ({
    path: encoded && name.includes('images') ? `${name}.u8.gz` : `${name}.u8`,
    bytes,
    sha256: sha,
    ...(encoded && name.includes('images') ? { encoding: 'gzip' } : {}),
  });
  return {
    format: 'anisoscope-mnist-u8',
    version: 1,
    train: TRAIN,
    test: TEST,
    rows: 28,
    cols: 28,
    classes: 10,
    files: {
      trainImages: file('train-images', TRAIN * MNIST_PIXELS),
      trainLabels: file('train-labels', TRAIN),
      testImages: file('test-images', TEST * MNIST_PIXELS),
      testLabels: file('test-labels', TEST),
    },
  };
}

/** A loader over in-memory files; `serve` says what bytes a path is answered with. */
function loaderOf(files: Record<string, Uint8Array | object>): AssetLoader {
  return async (relativePath) => {
    const file = files[relativePath];
    if (!file) throw new Error(`no ${relativePath}`);
    const bytes = file instanceof Uint8Array ? file : new TextEncoder().encode(JSON.stringify(file));
    return bytes.slice().buffer;
  };
}

const gz = (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes));

function files(encoded: boolean, images: (raw: Uint8Array) => Uint8Array) {
  const ext = encoded ? '.u8.gz' : '.u8';
  return {
    [MNIST_META_PATH]: meta(encoded),
    [`${MNIST_DIR}/train-images${ext}`]: images(train.images),
    [`${MNIST_DIR}/train-labels.u8`]: train.labels,
    [`${MNIST_DIR}/test-images${ext}`]: images(test.images),
    [`${MNIST_DIR}/test-labels.u8`]: test.labels,
  };
}

describe('gunzip', () => {
  it('inverts zlib gzip and recognises its magic number', async () => {
    const raw = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 31) % 251);
    const packed = gz(raw);
    expect(isGzip(packed)).toBe(true);
    expect(isGzip(raw)).toBe(false);
    expect(isGzip(new Uint8Array([0x1f]))).toBe(false);
    expect(await gunzip(packed)).toEqual(raw);
  });

  it('rejects a truncated stream', async () => {
    const packed = gz(Uint8Array.from({ length: 5_000 }, (_, i) => i % 7));
    await expect(gunzip(packed.subarray(0, packed.length - 10))).rejects.toThrow();
  });
});

describe('loadMnist with gzip-encoded image files', () => {
  it('reads the same pixel bytes as from the raw files', async () => {
    const plain = await loadMnist(loaderOf(files(false, (raw) => raw)));
    const packed = await loadMnist(loaderOf(files(true, gz)));
    expect(packed.train.pixels).toEqual(train.images);
    expect(packed.test.pixels).toEqual(test.images);
    expect(plain.train.pixels).toEqual(train.images);
    expect(plain.test.pixels).toEqual(test.images);
    expect(packed.train.labels).toEqual(train.labels);
    expect(packed.train.count).toBe(TRAIN);
  });

  it('rejects a label that is not a digit', async () => {
    const all = files(true, gz);
    const bad = train.labels.slice();
    bad[1] = 12;
    await expect(loadMnist(loaderOf({ ...all, [`${MNIST_DIR}/train-labels.u8`]: bad }))).rejects.toThrow(
      /label 1 is 12/,
    );
  });

  it('accepts files a server already decoded (Content-Encoding: gzip)', async () => {
    const served = await loadMnist(loaderOf(files(true, (raw) => raw)));
    expect(served.test.pixels).toEqual(test.images);
  });

  it('names a corrupt file', async () => {
    const corrupt = (raw: Uint8Array) => {
      const packed = gz(raw);
      return packed.subarray(0, packed.length >> 1);
    };
    // The test set loads first: its file is the one named.
    const load = loadMnist(loaderOf(files(true, corrupt)));
    await expect(load).rejects.toThrow(MnistFormatError);
    await expect(load).rejects.toThrow(/data\/mnist\/test-images.u8.gz is not a valid gzip file/);
  });

  it('rejects an encoding it does not know', async () => {
    const all = files(true, gz);
    const m = meta(true);
    (m.files.trainImages as { encoding?: string }).encoding = 'br';
    await expect(loadMnist(loaderOf({ ...all, [MNIST_META_PATH]: m }))).rejects.toThrow(
      /files.trainImages.encoding is "br"/,
    );
  });
});

describe('loadMnistInStages: the test set first, the training set when asked', () => {
  /** `loaderOf`, recording which paths were asked for. */
  function recording(all: Record<string, Uint8Array | object>) {
    const asked: string[] = [];
    const inner = loaderOf(all);
    const loader: AssetLoader = (path) => {
      asked.push(path);
      return inner(path);
    };
    return { asked, loader };
  }

  it('fetches no training file until train() is called, then the same split as loadMnist', async () => {
    const all = files(true, gz);
    const { asked, loader } = recording(all);
    const staged = await loadMnistInStages(loader);
    expect(asked.some((p) => p.includes('train-'))).toBe(false);
    expect(staged.test.labels).toEqual(test.labels);
    expect(staged.meta.train).toBe(TRAIN);
    const first = staged.train();
    expect(staged.train()).toBe(first); // one download, shared
    const trainSplit = await first;
    expect(asked.filter((p) => p.includes('train-')).sort()).toEqual([
      `${MNIST_DIR}/train-images.u8.gz`,
      `${MNIST_DIR}/train-labels.u8`,
    ]);
    const whole = await loadMnist(loaderOf(all));
    expect(trainSplit.pixels).toEqual(whole.train.pixels);
    expect(trainSplit.labels).toEqual(whole.train.labels);
  });

  it('a failed training download names its file, is not kept, and the next call retries', async () => {
    const all = files(true, gz);
    const truncated = (all[`${MNIST_DIR}/train-images.u8.gz`] as Uint8Array).subarray(0, 40);
    const served: Record<string, Uint8Array | object> = {
      ...all,
      [`${MNIST_DIR}/train-images.u8.gz`]: truncated,
    };
    const staged = await loadMnistInStages(loaderOf(served));
    await expect(staged.train()).rejects.toThrow(/train-images.u8.gz is not a valid gzip file/);
    served[`${MNIST_DIR}/train-images.u8.gz`] = all[`${MNIST_DIR}/train-images.u8.gz`] as Uint8Array;
    expect((await staged.train()).labels).toEqual(train.labels);
  });
});
