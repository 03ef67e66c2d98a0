import { describe, expect, it } from 'vitest';
import { decodeMnist, MNIST_PIXELS, MnistFormatError, parseMnistMeta } from './mnist-format';

function syntheticBytes(count: number): { images: Uint8Array; labels: Uint8Array } {
  const images = new Uint8Array(count * MNIST_PIXELS);
  for (let i = 0; i < images.length; i++) images[i] = (i * 37 + 11) % 256;
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return { images, labels };
}

describe('decodeMnist', () => {
  it('scales bytes to [0, 1] and round-trips back to the same bytes', () => {
    const { images, labels } = syntheticBytes(13);
    const decoded = decodeMnist(images, labels, 13);
    expect(decoded.images).toBeInstanceOf(Float32Array);
    expect(decoded.images.length).toBe(13 * MNIST_PIXELS);
    let wrong = 0;
    for (let i = 0; i < images.length; i++) {
      const v = decoded.images[i] as number;
      const exact = (images[i] as number) / 255;
      if (!(v >= 0 && v <= 1) || Math.round(v * 255) !== images[i] || Math.abs(v - exact) > 1e-7) wrong++;
    }
    expect(wrong).toBe(0);
    expect([...decoded.labels]).toEqual([...labels]);
  });

  it('maps 0 to exactly 0 and 255 to exactly 1', () => {
    const images = new Uint8Array(MNIST_PIXELS);
    images[1] = 255;
    const { images: out } = decodeMnist(images, Uint8Array.of(7), 1);
    expect(out[0]).toBe(0);
    expect(out[1]).toBe(1);
  });

  it('returns labels as a copy, not a view of the input', () => {
    const { images, labels } = syntheticBytes(2);
    const decoded = decodeMnist(images, labels, 2);
    labels[0] = 9;
    expect(decoded.labels[0]).toBe(0);
  });

  it('accepts zero images', () => {
    const decoded = decodeMnist(new Uint8Array(0), new Uint8Array(0), 0);
    expect(decoded.images.length).toBe(0);
    expect(decoded.labels.length).toBe(0);
  });

  it('rejects image data of the wrong size', () => {
    const { images, labels } = syntheticBytes(3);
    expect(() => decodeMnist(images.subarray(1), labels, 3)).toThrow(MnistFormatError);
    expect(() => decodeMnist(images.subarray(1), labels, 3)).toThrow(
      /images hold 2351 bytes, expected 3 × 784 = 2352/,
    );
  });

  it('rejects label data of the wrong size', () => {
    const { images, labels } = syntheticBytes(3);
    expect(() => decodeMnist(images, labels.subarray(0, 2), 3)).toThrow(/labels hold 2 bytes, expected 3/);
  });

  it('rejects a label above 9, naming its position', () => {
    const { images, labels } = syntheticBytes(3);
    labels[2] = 10;
    expect(() => decodeMnist(images, labels, 3)).toThrow(/label 2 is 10/);
  });

  it('rejects a count that is negative or not an integer', () => {
    expect(() => decodeMnist(new Uint8Array(0), new Uint8Array(0), -1)).toThrow(/non-negative integer/);
    expect(() => decodeMnist(new Uint8Array(0), new Uint8Array(0), 0.5)).toThrow(/non-negative integer/);
    expect(() => decodeMnist(new Uint8Array(0), new Uint8Array(0), Number.NaN)).toThrow(
      /non-negative integer/,
    );
  });
});

describe('parseMnistMeta', () => {
  const sha = 'ab'.repeat(32);
  const valid = () => ({
    format: 'anisoscope-mnist-u8',
    version: 1,
    train: 2,
    test: 1,
    rows: 28,
    cols: 28,
    classes: 10,
    files: {
      trainImages: { path: 'train-images.u8', bytes: 2 * 784, sha256: sha },
      trainLabels: { path: 'train-labels.u8', bytes: 2, sha256: sha },
      testImages: { path: 'test-images.u8', bytes: 784, sha256: sha },
      testLabels: { path: 'test-labels.u8', bytes: 1, sha256: sha },
    },
  });

  it('accepts a consistent meta object', () => {
    expect(parseMnistMeta(valid()).train).toBe(2);
  });

  it('rejects non-objects, other formats and versions', () => {
    expect(() => parseMnistMeta(null)).toThrow(/not a JSON object/);
    expect(() => parseMnistMeta({ ...valid(), format: 'idx' })).toThrow(/format/);
    expect(() => parseMnistMeta({ ...valid(), version: 2 })).toThrow(/version/);
  });

  it('rejects counts, sizes and files that do not fit together', () => {
    expect(() => parseMnistMeta({ ...valid(), train: -1 })).toThrow(/train is not a count/);
    expect(() => parseMnistMeta({ ...valid(), rows: 32 })).toThrow(/image size/);
    const m = valid();
    m.files.testImages.bytes = 783;
    expect(() => parseMnistMeta(m)).toThrow(/files.testImages.bytes is 783, expected 784/);
    const n = valid();
    n.files.trainLabels.sha256 = 'xyz';
    expect(() => parseMnistMeta(n)).toThrow(/files.trainLabels.sha256/);
    const { files: _files, ...noFiles } = valid();
    expect(() => parseMnistMeta(noFiles)).toThrow(/files is missing/);
  });
});
