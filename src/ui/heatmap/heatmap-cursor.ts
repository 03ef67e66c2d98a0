// The heatmaps' cursor: which cell a pointer, a finger or the keyboard points at, the outline drawn
// round it, and the sentence a screen reader hears. The tooltip (heatmap-tooltip.tsx) shows the cell;
// the drawing (heatmap-renderer.ts) knows nothing of the cursor.
import {
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import { type AggregateOp, representativeCell } from './aggregate';
import { describeCell } from './arrange';
import type { Fit } from './fit';
import { formatValue } from './labels';
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

/** The cursor after `source` put `next` on `layer` (null: took its own cursor away). */
export function nextCursor(
  current: Cursor | null,
  layer: string,
  next: Cursor | null,
  source: CursorSource,
): Cursor | null {
  if (next === null)
    // Leaving clears only what that input put up (a mouse leaving keeps a keyboard cursor).
    return current && current.layer === layer && current.source === source ? null : current;
  if (
    current &&
    current.layer === next.layer &&
    current.flat === next.flat &&
    current.x === next.x &&
    current.y === next.y &&
    current.source === next.source
  )
    return current; // the same cell: no re-render
  return next;
}

/** The cursor's outline in CSS px over the canvas: one cell, at least 5 px so it shows on aggregated images. */
export function cursorOutline(
  cell: Cell,
  fit: Fit,
): { left: number; top: number; width: number; height: number } {
  const cellW = fit.cssWidth / (fit.imageWidth * fit.factor);
  const cellH = fit.cssHeight / (fit.imageHeight * fit.factor);
  const width = Math.max(cellW, 5);
  const height = Math.max(cellH, 5);
  return {
    left: (cell.x + 0.5) * cellW - width / 2,
    top: (cell.y + 0.5) * cellH - height / 2,
    width,
    height,
  };
}

/** "dense1/kernel [407, 3], unit 3, pixel (14, 15): A-LR 1.00×10⁸": the text a screen reader gets. */
export function cellSummary(plan: LayerPlan, flat: number, label: string, value: number): string {
  const { index, detail } = describeCell(plan.slice, flat);
  return `${plan.slice.name} ${index}${detail ? `, ${detail}` : ''}: ${label} ${formatValue(value)}`;
}

/**
 * One run's cursor (at most one cell of one layer). It goes when the plans change (every cell moves),
 * and a touch outside `root`'s canvases closes what a touch opened.
 */
export function useHeatmapCursor(
  plans: readonly LayerPlan[],
  root: RefObject<HTMLElement | null>,
): {
  cursor: Cursor | null;
  onCursor: (layer: string, next: Cursor | null, source: CursorSource) => void;
} {
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const onCursor = useCallback(
    (layer: string, next: Cursor | null, source: CursorSource) =>
      setCursor((current) => nextCursor(current, layer, next, source)),
    [],
  );

  useEffect(() => {
    if (cursor?.source !== 'touch') return;
    const close = (e: globalThis.PointerEvent) => {
      if (!(e.target instanceof HTMLCanvasElement && root.current?.contains(e.target))) setCursor(null);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [cursor?.source, root]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs exactly when the plans change
  useEffect(() => setCursor(null), [plans]);
  return { cursor, onCursor };
}

export interface CellInputOptions {
  plan: LayerPlan;
  op: AggregateOp;
  /** This layer's cursor, if it is on this layer. */
  cursor: Cursor | null;
  /** The field the canvas shows now (a pointer picks the cell that sets an aggregated pixel's colour). */
  field: () => Float32Array | undefined;
  onCursor: (layer: string, next: Cursor | null, source: CursorSource) => void;
}

/** The canvas's event handlers: pointer and touch point at a cell, arrows / Enter / Esc move a keyboard cursor. */
export function useCellInput({ plan, op, cursor, field, onCursor }: CellInputOptions) {
  const { slice, arrangement, fit } = plan;
  const name = slice.name;
  const keyboardCell = useRef<Cell | null>(null);

  const atPointer = (e: PointerEvent<HTMLCanvasElement>) => {
    const source: CursorSource = e.pointerType === 'touch' ? 'touch' : 'pointer';
    const values = field();
    if (!values) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const fx = ((e.clientX - rect.left) / rect.width) * fit.imageWidth * fit.factor;
    const fy = ((e.clientY - rect.top) / rect.height) * fit.imageHeight * fit.factor;
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

  return {
    onPointerMove: (e: PointerEvent<HTMLCanvasElement>) => {
      if (e.pointerType !== 'touch' || e.buttons !== 0) atPointer(e);
    },
    onPointerDown: atPointer,
    onPointerLeave: (e: PointerEvent<HTMLCanvasElement>) => {
      // A finger lifted leaves the tooltip up until the next touch elsewhere.
      if (e.pointerType !== 'touch') onCursor(name, null, 'pointer');
    },
    onFocus: (e: { currentTarget: HTMLCanvasElement }) => {
      // Only a keyboard focus (not a click) puts the keyboard cursor up.
      if (e.currentTarget.matches(':focus-visible')) atCell(keyboardCell.current ?? firstCell(arrangement));
    },
    onBlur: () => onCursor(name, null, 'keyboard'),
    onKeyDown: (e: KeyboardEvent<HTMLCanvasElement>) => {
      const d = arrowOf(e.key);
      if (d) {
        e.preventDefault();
        const from = keyboardCell.current ?? (cursor ? { x: cursor.x, y: cursor.y } : firstCell(arrangement));
        if (from) atCell(stepCell(arrangement, from, d, e.shiftKey));
      } else if (e.key === 'Escape') onCursor(name, null, 'keyboard');
      else if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        atCell(keyboardCell.current ?? firstCell(arrangement));
      }
    },
  };
}
