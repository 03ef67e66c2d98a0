// How big a layer's image is drawn: a whole number of device pixels per image pixel (so
// `image-rendering: pixelated` scales it crisply, every cell the same size), as large as the limits
// allow, and aggregated (factor × factor cells per pixel) only when even one device pixel per cell
// does not fit.

import { TILE_GAP } from './arrange';

export interface FitLimits {
  /** Largest cell edge, CSS px. */
  maxCellCss: number;
  /** Tallest image, CSS px (taller images get smaller cells, or are aggregated past MAX_TALL). */
  maxCssHeight: number;
  /** Aggregate as soon as the image is taller than maxCssHeight (a box that must not scroll). */
  aggregateToHeight?: boolean;
}

export interface Fit {
  /** Cells per image pixel along each axis (1: no aggregation). */
  factor: number;
  /** Size of the (aggregated) image: the canvas's backing store. */
  imageWidth: number;
  imageHeight: number;
  /** Device pixels per image pixel. */
  pixel: number;
  /** CSS size of the canvas. */
  cssWidth: number;
  cssHeight: number;
}

/** Images taller than this many CSS px per available CSS px of width are aggregated, not scrolled. */
const MAX_TALL = 3;

export function fitImage(
  width: number,
  height: number,
  availCss: number,
  dpr: number,
  limits: FitLimits,
): Fit {
  const availDev = Math.max(1, Math.floor(availCss * dpr));
  const maxHDev = Math.max(1, Math.floor(limits.maxCssHeight * dpr));
  const tallDev = limits.aggregateToHeight ? maxHDev : Math.max(maxHDev, MAX_TALL * availDev);
  const factor = Math.max(1, Math.ceil(width / availDev), Math.ceil(height / tallDev));
  const imageWidth = Math.max(1, Math.ceil(width / factor));
  const imageHeight = Math.max(1, Math.ceil(height / factor));
  const pixel =
    factor > 1
      ? 1
      : Math.max(
          1,
          Math.floor(
            Math.min(availDev / imageWidth, limits.maxCellCss * dpr, maxHDev / Math.max(1, imageHeight)),
          ),
        );
  return {
    factor,
    imageWidth,
    imageHeight,
    pixel,
    cssWidth: (imageWidth * pixel) / dpr,
    cssHeight: (imageHeight * pixel) / dpr,
  };
}

/**
 * Tiles per grid row for a tiled layer: the largest whole number of device pixels per cell (up to
 * `maxPixel`) at which a grid no wider than `availCss` and no taller than `maxCssHeight` holds every
 * unit, with at most `maxPerRow` tiles a row; at one device pixel per cell, as many as fit the width.
 */
export function chooseTilesPerRow(
  units: number,
  tileRows: number,
  tileCols: number,
  availCss: number,
  dpr: number,
  maxCssHeight: number,
  maxPerRow: number,
  maxPixel = 4,
): number {
  const availDev = Math.max(1, Math.floor(availCss * dpr));
  const maxHDev = Math.max(1, Math.floor(maxCssHeight * dpr));
  const cap = Math.max(1, Math.min(units, maxPerRow));
  for (let k = maxPixel; k >= 1; k--) {
    const perRow = Math.min(cap, Math.floor((availDev / k + TILE_GAP) / (tileCols + TILE_GAP)));
    if (perRow < 1) continue;
    const rows = Math.ceil(units / perRow);
    if ((rows * (tileRows + TILE_GAP) - TILE_GAP) * k <= maxHDev) return perRow;
  }
  return Math.max(1, Math.min(cap, Math.floor((availDev + TILE_GAP) / (tileCols + TILE_GAP))));
}

/**
 * Tiles per grid row for a tiled layer that must fill a box `availCss` × `maxCssHeight` without
 * scrolling (the slide layout): the grid whose cells come out largest — whole device pixels per cell
 * up to `maxPixel`, or, when even one does not fit, the smallest aggregation factor — then the one
 * with the fewest empty slots, then the one that covers the most of the box.
 */
export function chooseTilesToFill(
  units: number,
  tileRows: number,
  tileCols: number,
  availCss: number,
  maxCssHeight: number,
  dpr: number,
  maxPixel = 4,
): number {
  const availDev = Math.max(1, Math.floor(availCss * dpr));
  const maxHDev = Math.max(1, Math.floor(maxCssHeight * dpr));
  let best = 1;
  let bestScore: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let perRow = 1; perRow <= Math.max(1, units); perRow++) {
    const rows = Math.ceil(units / perRow);
    const width = perRow * (tileCols + TILE_GAP) - TILE_GAP;
    const height = rows * (tileRows + TILE_GAP) - TILE_GAP;
    const factor = Math.max(1, Math.ceil(width / availDev), Math.ceil(height / maxHDev));
    const pixel =
      factor > 1
        ? 1
        : Math.max(1, Math.min(maxPixel, Math.floor(availDev / width), Math.floor(maxHDev / height)));
    const area = Math.ceil(width / factor) * pixel * Math.ceil(height / factor) * pixel;
    const score: [number, number, number] = [pixel / factor, -(perRow * rows - units), area];
    if (
      score[0] > bestScore[0] ||
      (score[0] === bestScore[0] &&
        (score[1] > bestScore[1] || (score[1] === bestScore[1] && score[2] > bestScore[2])))
    ) {
      best = perRow;
      bestScore = score;
    }
  }
  return best;
}
