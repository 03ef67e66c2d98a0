// One layer's titled canvas. It never draws in a React render: the run's HeatmapRenderer paints the
// attached canvases (heatmap-renderer.ts). This component places the canvas (whole device pixels per
// image pixel, scaled crisply by CSS), words its caption and label, and wires pointer, touch and keys
// to the run's cursor (heatmap-cursor.ts).
import { memo, useCallback } from 'react';
import { t, useT } from '../i18n';
import type { AggregateOp } from './aggregate';
import { shapeText } from './arrange';
import { type Cursor, type CursorSource, cursorOutline, useCellInput } from './heatmap-cursor';
import { opLabel } from './labels';
import type { LayerPlan } from './painter';

export interface LayerHeatmapProps {
  runId: string;
  plan: LayerPlan;
  op: AggregateOp;
  kindLabel: string;
  /** The cursor, when it is on this layer. */
  cursor: Cursor | null;
  tooltipId: string;
  /** The field the canvas shows now. */
  field: () => Float32Array | undefined;
  onCursor: (layer: string, cursor: Cursor | null, source: CursorSource) => void;
  /** Hands the canvas to the run's renderer (null when it goes). */
  attach: (layer: string, canvas: HTMLCanvasElement | null) => void;
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
  field,
  onCursor,
  attach,
}: LayerHeatmapProps) {
  const { slice, arrangement, fit } = plan;
  // Subscribes to the language (this memoised component re-renders when it changes).
  const tr = useT();
  const name = slice.name;
  // Stable, so React attaches it once per canvas, not on every render.
  const canvasRef = useCallback((el: HTMLCanvasElement | null) => attach(name, el), [attach, name]);
  const input = useCellInput({ plan, op, cursor, field, onCursor });
  const cellW = fit.cssWidth / (fit.imageWidth * fit.factor);
  const outline = cursor ? cursorOutline(cursor, fit) : null;

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
        {/* The renderer sets the canvas's width and height (its image pixels). */}
        <canvas
          ref={canvasRef}
          id={`heatmap-${runId}-${name}`}
          className="heatmaps__canvas"
          data-testid={`heatmap-${runId}-${name}`}
          data-layer={name}
          data-cells={`${arrangement.width}x${arrangement.height}`}
          data-factor={fit.factor}
          data-pixel={fit.pixel}
          {...(arrangement.tiles ? { 'data-tiles-per-row': arrangement.tiles.perRow } : {})}
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
          {...input}
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
