// From a run's flat field to RGBA pixels, one layer at a time, without the DOM: plan once per layout
// and width (arrangement, size, buffers), then paint each new field into the plan's pixel buffer.
// The component only hands the pixels to `putImageData`.

import type { LayerSlice } from '../../engine/session/snapshot-types';
import { type AggregateOp, aggregate, CODES } from './aggregate';
import { type Arrangement, arrange, defaultTilesPerRow } from './arrange';
import type { ColourTable } from './color-table';
import { chooseTilesPerRow, chooseTilesToFill, type Fit, type FitLimits, fitImage } from './fit';

/** Size limits per kind of layer: the MNIST tiles get the room, matrices a compact panel, biases a strip. */
export const LIMITS = {
  tiles: { maxCellCss: 2, maxCssHeight: 480 },
  // Conv filters are small (5×5): big enough cells that a filter reads as a picture.
  conv: { maxCellCss: 6, maxCssHeight: 240 },
  matrix: { maxCellCss: 4, maxCssHeight: 140 },
  vector: { maxCellCss: 8, maxCssHeight: 48 },
} as const satisfies Record<string, FitLimits>;

/** Largest cell edge (CSS px) of a layer drawn to fill a box: tiles stay fine-grained, matrices grow. */
const FILL_MAX_CELL = { tiles: 4, other: 24 } as const;

export interface LayerPlan {
  slice: LayerSlice;
  arrangement: Arrangement;
  fit: Fit;
  /** The arranged cells, width × height, in the Int32 form of `Arrangement.gather`. */
  cells: Int32Array;
  /** The aggregated image when fit.factor > 1. */
  reduced: Int32Array | null;
}

/**
 * Plans one layer for a panel `availCss` CSS px wide on a screen with `dpr` device px per CSS px.
 * With `fillHeight` (CSS px), the layer fills a box that tall instead and never grows past it
 * (aggregated if need be): the slide layout's one heatmap per run.
 */
export function planLayer(slice: LayerSlice, availCss: number, dpr: number, fillHeight?: number): LayerPlan {
  let arrangement = arrange(slice);
  let limits: FitLimits =
    arrangement.kind === 'matrix' || (arrangement.kind === 'gates' && arrangement.height > 1)
      ? LIMITS.matrix
      : LIMITS.vector;
  if (arrangement.conv) limits = LIMITS.conv;
  if (fillHeight !== undefined)
    limits = { maxCellCss: FILL_MAX_CELL.other, maxCssHeight: fillHeight, aggregateToHeight: true };
  if (arrangement.tiles && !arrangement.conv) {
    const { units, tileRows, tileCols } = arrangement.tiles;
    limits =
      fillHeight === undefined
        ? LIMITS.tiles
        : { maxCellCss: FILL_MAX_CELL.tiles, maxCssHeight: fillHeight, aggregateToHeight: true };
    const maxPixel = Math.max(1, Math.floor(limits.maxCellCss * dpr));
    const tilesPerRow =
      fillHeight === undefined
        ? chooseTilesPerRow(
            units,
            tileRows,
            tileCols,
            availCss,
            dpr,
            limits.maxCssHeight,
            defaultTilesPerRow(units),
            maxPixel,
          )
        : chooseTilesToFill(units, tileRows, tileCols, availCss, fillHeight, dpr, maxPixel);
    arrangement = arrange(slice, { tilesPerRow });
  }
  const fit = fitImage(arrangement.width, arrangement.height, availCss, dpr, limits);
  const cells = new Int32Array(arrangement.width * arrangement.height);
  const reduced = fit.factor > 1 ? new Int32Array(fit.imageWidth * fit.imageHeight) : null;
  return { slice, arrangement, fit, cells, reduced };
}

/** Room kept above a filling heatmap for its one-line caption, CSS px. */
const FILL_CAPTION = 26;

/**
 * The plans of a run's heatmaps in a box `width` × `height` CSS px: every layer at the box's width, or
 * with `fill` (the slide layout) only the main layer, as large as the box allows below its caption.
 */
export function planLayers(
  layout: readonly LayerSlice[],
  width: number,
  height: number,
  dpr: number,
  fill: boolean,
): LayerPlan[] {
  if (width <= 0) return [];
  if (!fill) return layout.map((slice) => planLayer(slice, width, dpr));
  const main = mainLayer(layout);
  const fillHeight = height - FILL_CAPTION;
  return main && fillHeight > 0 ? [planLayer(main, width, dpr, fillHeight)] : [];
}

/**
 * Paints `field` (the Uint32 view of a run's whole flat field) through the plan into `pixels` (the
 * Int32 view of an ImageData of fit.imageWidth × fit.imageHeight).
 */
export function paintLayer(
  plan: LayerPlan,
  field: Uint32Array,
  table: ColourTable,
  op: AggregateOp,
  pixels: Int32Array,
): void {
  const { arrangement, fit, cells, reduced } = plan;
  arrangement.gather(field, cells, CODES[op]);
  if (reduced) {
    aggregate(op, cells, arrangement.width, arrangement.height, fit.factor, reduced);
    table.paint(reduced, pixels);
  } else table.paint(cells, pixels);
}

/**
 * The layer a run is best known by, drawn alone when space is short: the first tiled layer (MNIST's
 * 28×28 input weights), else the one with the most parameters.
 */
export function mainLayer<T extends LayerSlice>(layout: readonly T[]): T | undefined {
  const tiled = layout.find((slice) => slice.display?.kind === 'tiles');
  if (tiled) return tiled;
  let best: T | undefined;
  for (const slice of layout) if (!best || slice.size > best.size) best = slice;
  return best;
}
