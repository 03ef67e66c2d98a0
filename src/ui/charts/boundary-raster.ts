// Decision-boundary colours (pure): each grid cell mixes the class colours by predicted probability and
// fades to white where the net is unsure, as TF Playground's heatmap does. Cells are row-major from the
// top row, like the engine's `probabilities`.

import { rgb } from 'd3';
import { classColor } from './palette';

function classRgb(k: number): [number, number, number] {
  const c = rgb(classColor(k));
  return [c.r, c.g, c.b];
}

/** RGBA bytes, gridSize × gridSize, from probabilities (cells × classes). */
export function boundaryPixels(
  probabilities: Float32Array,
  gridSize: number,
  classes: number,
): Uint8ClampedArray<ArrayBuffer> {
  const cells = gridSize * gridSize;
  const out = new Uint8ClampedArray(cells * 4);
  const colors = Array.from({ length: classes }, (_, k) => classRgb(k));
  const chance = 1 / Math.max(1, classes);
  for (let i = 0; i < cells; i++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let top = 0;
    let sum = 0;
    for (let k = 0; k < classes; k++) {
      const raw = probabilities[i * classes + k];
      const p = raw !== undefined && Number.isFinite(raw) ? raw : 0;
      const c = colors[k] as [number, number, number];
      r += p * c[0];
      g += p * c[1];
      b += p * c[2];
      sum += p;
      if (p > top) top = p;
    }
    if (sum > 0) {
      r /= sum;
      g /= sum;
      b /= sum;
      top /= sum;
    }
    // Confidence 0 (chance) … 1 (certain) sets how far the colour shows through white.
    const confidence = sum > 0 && classes > 1 ? Math.max(0, (top - chance) / (1 - chance)) : 0;
    const a = sum > 0 ? 0.2 + 0.55 * confidence : 0;
    out[4 * i] = 255 + a * (r - 255);
    out[4 * i + 1] = 255 + a * (g - 255);
    out[4 * i + 2] = 255 + a * (b - 255);
    out[4 * i + 3] = 255;
  }
  return out;
}
