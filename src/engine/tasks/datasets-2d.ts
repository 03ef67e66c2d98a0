// 2-D classification data sets in the spirit of TF Playground's dataset.ts: pure generators
// (count, noise, random) => points. No tfjs.

import { createNormal } from '../random';

export const DATASETS_2D = ['spirals', 'moons', 'circles', 'xor', 'blobs'] as const;
export type Dataset2dName = (typeof DATASETS_2D)[number];

export interface Points2d {
  /** x0, y0, x1, y1, ... in roughly [-1, 1]². */
  xy: Float32Array;
  labels: Uint8Array;
  classes: number;
}

type Generator = (count: number, noise: number, random: () => number) => Points2d;

function make(count: number, classes: number, point: (i: number) => [number, number, number]): Points2d {
  const xy = new Float32Array(count * 2);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const [x, y, label] = point(i);
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
    labels[i] = label;
  }
  return { xy, labels, classes };
}

const spirals: Generator = (count, noise, random) => {
  const normal = createNormal(random);
  return make(count, 2, (i) => {
    const label = i % 2;
    const r = (Math.floor(i / 2) / Math.ceil(count / 2)) * 0.9 + 0.05;
    const angle = 1.75 * r * 2 * Math.PI + label * Math.PI;
    return [
      r * Math.sin(angle) + noise * 0.1 * normal(),
      r * Math.cos(angle) + noise * 0.1 * normal(),
      label,
    ];
  });
};

const moons: Generator = (count, noise, random) => {
  const normal = createNormal(random);
  return make(count, 2, (i) => {
    const label = i % 2;
    const t = random() * Math.PI;
    const x = label === 0 ? Math.cos(t) : 1 - Math.cos(t);
    const y = label === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
    return [(x - 0.5) * 0.8 + noise * 0.1 * normal(), (y - 0.25) * 0.8 + noise * 0.1 * normal(), label];
  });
};

const circles: Generator = (count, noise, random) => {
  const normal = createNormal(random);
  return make(count, 2, (i) => {
    const label = i % 2;
    const r = label === 0 ? random() * 0.4 : 0.6 + random() * 0.3;
    const angle = random() * 2 * Math.PI;
    return [
      r * Math.cos(angle) + noise * 0.05 * normal(),
      r * Math.sin(angle) + noise * 0.05 * normal(),
      label,
    ];
  });
};

const xor: Generator = (count, noise, random) => {
  const normal = createNormal(random);
  return make(count, 2, () => {
    let x = random() * 2 - 1;
    let y = random() * 2 - 1;
    // Keep a small margin off the axes so the classes are separable before noise.
    x += x > 0 ? 0.05 : -0.05;
    y += y > 0 ? 0.05 : -0.05;
    const label = x * y >= 0 ? 0 : 1;
    return [x * 0.9 + noise * 0.05 * normal(), y * 0.9 + noise * 0.05 * normal(), label];
  });
};

const BLOB_CENTRES: [number, number][] = [
  [-0.5, -0.4],
  [0.5, -0.4],
  [0, 0.5],
];

const blobs: Generator = (count, noise, random) => {
  const normal = createNormal(random);
  return make(count, 3, (i) => {
    const label = i % 3;
    const [cx, cy] = BLOB_CENTRES[label] ?? [0, 0];
    const spread = 0.12 + noise * 0.1;
    return [cx + spread * normal(), cy + spread * normal(), label];
  });
};

const GENERATORS: Record<Dataset2dName, Generator> = { spirals, moons, circles, xor, blobs };

export function generate2d(
  name: Dataset2dName,
  count: number,
  noise: number,
  random: () => number,
): Points2d {
  return GENERATORS[name](count, noise, random);
}
