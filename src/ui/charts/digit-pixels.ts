// One 28 × 28 MNIST digit from the strip (images: 16 × 784 bytes, ink = 255) as RGBA: dark ink on
// white, so the strip reads like handwriting on paper.

export const DIGIT_SIDE = 28;

export function digitPixels(images: Uint8Array, index: number): Uint8ClampedArray<ArrayBuffer> {
  const n = DIGIT_SIDE * DIGIT_SIDE;
  const out = new Uint8ClampedArray(n * 4);
  const base = index * n;
  for (let i = 0; i < n; i++) {
    const ink = images[base + i] ?? 0;
    const v = 255 - ink;
    out[4 * i] = v;
    out[4 * i + 1] = v;
    out[4 * i + 2] = v;
    out[4 * i + 3] = 255;
  }
  return out;
}

/** How many whole digits the strip holds. */
export function digitCount(images: Uint8Array): number {
  return Math.floor(images.length / (DIGIT_SIDE * DIGIT_SIDE));
}

/** Whether two strips hold the same bytes (two absent ones do; an absent one and a present one do not). */
export function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (!a || !b || a.length !== b.length) return a === b;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
