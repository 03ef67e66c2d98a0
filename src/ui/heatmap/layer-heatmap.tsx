// One layer's titled canvas. It never draws in a React render: RunHeatmaps paints registered canvases
// in requestAnimationFrame. This component sizes the canvas (whole device pixels per image pixel,
// scaled crisply by CSS) and turns pointer, touch and keys into a cursor cell.
import { memo, type PointerEvent, type RefObject, useCallback, useRef } from 'react';
import type { RunSnapshot } from '../../engine/session/snapshot-types';
import { t, useT } from '../i18n';
import { type AggregateOp, representativeCell } from './aggregate';
import { shapeText } from './arrange';
import { opLabel } from './labels';
import { arrowOf, type Cell, firstCell, stepCell } from './navigate';
import type { LayerPlan } from './painter';

export type CursorSource = 'pointer' | 'touch' | 'keyboard';

export interface Cursor {
  layer: string;
  x: number;
  y: number;
  flat: number;
  source: CursorSource;
}

export interface LayerHeatmapProps {
  runId: string;
  plan: LayerPlan;
  op: AggregateOp;
  kindLabel: string;
  /** The cursor, when it is on this layer. */
  cursor: Cursor | null;
  tooltipId: string;
  latest: RefObject<RunSnapshot | null>;
  onCursor: (layer: string, cursor: Cursor | null, source: CursorSource) => void;
  register: (layer: string, canvas: HTMLCanvasElement | null) => void;
}

function describeArrangement(plan: LayerPlan): string {
  const a = plan.arrangement;
  if (a.conv && a.tiles)
    return t('heatmap.arrConv', {
      rows: a.tiles.tileRows,
      cols: a.tiles.tileCols,
      channels: a.conv.channels,
      filters: a.conv.filters,
    });
  if (a.gates)
    return t('heatmap.arrGates', {
      gates: a.gates.blocks.map((b) => b.name).join(', '),
      units: a.gates.units,
      rows: a.height,
    });
  if (a.tiles)
    return t('heatmap.arrTiles', { rows: a.tiles.tileRows, cols: a.tiles.tileCols, units: a.tiles.units });
  if (a.kind === 'matrix')
    return t(a.transposed ? 'heatmap.arrMatrixT' : 'heatmap.arrMatrix', { rows: a.height, cols: a.width });
  return t('heatmap.arrCells');
}

export const LayerHeatmap = memo(function LayerHeatmap({
  runId,
  plan,
  op,
  kindLabel,
  cursor,
  tooltipId,
  latest,
  onCursor,
  register,
}: LayerHeatmapProps) {
  const { slice, arrangement, fit } = plan;
  const keyboardCell = useRef<Cell | null>(null);
  // Subscribes to the language (this memoised component re-renders when it changes).
  const tr = useT();
  const name = slice.name;
  // Stable, so React attaches it once per canvas, not on every render (which would repaint).
  const canvasRef = useCallback((el: HTMLCanvasElement | null) => register(name, el), [register, name]);

  const atPointer = (e: PointerEvent<HTMLCanvasElement>, source: CursorSource) => {
    const values = latest.current?.shown.values;
    if (!values) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const cellsWide = fit.imageWidth * fit.factor;
    const cellsHigh = fit.imageHeight * fit.factor;
    const fx = ((e.clientX - rect.left) / rect.width) * cellsWide;
    const fy = ((e.clientY - rect.top) / rect.height) * cellsHigh;
    const cell = representativeCell(op, arrangement, values, fit.factor, fx, fy);
    onCursor(name, cell ? { layer: name, ...cell, source } : null, source);
  };

  const atCell = (cell: Cell | null) => {
    if (!cell) return;
    keyboardCell.current = cell;
    onCursor(
      name,
      { layer: name, ...cell, flat: arrangement.indexAt(cell.x, cell.y), source: 'keyboard' },
      'keyboard',
    );
  };

  // The cursor's outline: one cell (at least 5 CSS px, so it shows on aggregated images too).
  const cellW = fit.cssWidth / (fit.imageWidth * fit.factor);
  const cellH = fit.cssHeight / (fit.imageHeight * fit.factor);
  const outline = cursor
    ? (() => {
        const w = Math.max(cellW, 5);
        const h = Math.max(cellH, 5);
        return {
          left: (cursor.x + 0.5) * cellW - w / 2,
          top: (cursor.y + 0.5) * cellH - h / 2,
          width: w,
          height: h,
        };
      })()
    : null;

  const aggregated = fit.factor > 1;
  return (
    <figure className={`heatmaps__layer heatmaps__layer--${arrangement.kind}`}>
      <figcaption className="heatmaps__caption" title={describeArrangement(plan)}>
        <span className="heatmaps__name">{name}</span>{' '}
        <span className="heatmaps__shape">{shapeText(slice.shape)}</span>
        {aggregated && (
          <span className="heatmaps__agg" title={tr('heatmap.aggTitle')}>
            {' '}
            {tr('heatmap.aggCaption', { op: opLabel(op), n: fit.factor })}
          </span>
        )}
      </figcaption>
      {arrangement.gates && (
        // Which column block is which gate; the canvas's label says it in words.
        <div className="heatmaps__gates" style={{ width: fit.cssWidth }} aria-hidden="true">
          {arrangement.gates.blocks.map((b) => (
            <span
              key={b.name}
              className="heatmaps__gate"
              style={{ left: b.x * cellW, width: (arrangement.gates?.units ?? 0) * cellW }}
            >
              {b.name}
            </span>
          ))}
        </div>
      )}
      <div className="heatmaps__frame" style={{ width: fit.cssWidth, height: fit.cssHeight }}>
        <canvas
          ref={canvasRef}
          className="heatmaps__canvas"
          data-testid={`heatmap-${runId}-${name}`}
          data-layer={name}
          data-cells={`${arrangement.width}x${arrangement.height}`}
          data-factor={fit.factor}
          data-pixel={fit.pixel}
          {...(arrangement.tiles ? { 'data-tiles-per-row': arrangement.tiles.perRow } : {})}
          width={fit.imageWidth}
          height={fit.imageHeight}
          style={{ width: fit.cssWidth, height: fit.cssHeight }}
          tabIndex={0}
          role="img"
          aria-label={tr('heatmap.canvasAria', {
            kind: kindLabel,
            name,
            shape: shapeText(slice.shape),
            arrangement: describeArrangement(plan),
            aggregate: aggregated ? tr('heatmap.canvasAriaAgg', { op: opLabel(op), n: fit.factor }) : '',
          })}
          aria-describedby={cursor ? tooltipId : undefined}
          onPointerMove={(e) => {
            if (e.pointerType !== 'touch' || e.buttons !== 0)
              atPointer(e, e.pointerType === 'touch' ? 'touch' : 'pointer');
          }}
          onPointerDown={(e) => atPointer(e, e.pointerType === 'touch' ? 'touch' : 'pointer')}
          onPointerLeave={(e) => {
            // A finger lifted leaves the tooltip up until the next touch elsewhere.
            if (e.pointerType !== 'touch') onCursor(name, null, 'pointer');
          }}
          onFocus={(e) => {
            // Only a keyboard focus (not a click) puts the keyboard cursor up.
            if (e.currentTarget.matches(':focus-visible'))
              atCell(keyboardCell.current ?? firstCell(arrangement));
          }}
          onBlur={() => onCursor(name, null, 'keyboard')}
          onKeyDown={(e) => {
            const d = arrowOf(e.key);
            if (d) {
              e.preventDefault();
              const from =
                keyboardCell.current ?? (cursor ? { x: cursor.x, y: cursor.y } : firstCell(arrangement));
              if (from) atCell(stepCell(arrangement, from, d, e.shiftKey));
            } else if (e.key === 'Escape') onCursor(name, null, 'keyboard');
            else if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              atCell(keyboardCell.current ?? firstCell(arrangement));
            }
          }}
        />
        {outline && (
          <div
            className={`heatmaps__cursor heatmaps__cursor--${cursor?.source}`}
            style={outline}
            aria-hidden="true"
          />
        )}
      </div>
    </figure>
  );
});
