// Loss-surface view: contours of f with every run's accumulated path; a click asks for a new start.
import { type MouseEvent, useEffect, useMemo, useRef } from 'react';
import type { RunSnapshot } from '../../engine/session/snapshot-types';
import { useLanguage, useT } from '../i18n';
import { createFrameLoop, type FrameLoop } from '../page-visibility';
import { surfaceName } from '../task-form';
import { pointAlr } from './alr-cross';
import { logThresholds, sampleSurface } from './contour-grid';
import { CONTOUR_MARGIN, contourScales, renderContours } from './contour-render';
import { runColor } from './palette';
import { SURFACE_FORMULAS } from './surface-formulas';
import type { TrajectoryAccumulator } from './trajectory-accumulator';
import { useClipId } from './use-clip-id';
import { useElementWidth } from './use-element-width';

type TrajectoryViewData = Extract<RunSnapshot['view'], { kind: 'trajectory' }>;

export interface TrajectoryViewProps {
  runs: readonly RunSnapshot[];
  view: TrajectoryViewData;
  /** Every run's whole path, folded in by the (eagerly loaded) task view so that no snapshot is missed. */
  paths: TrajectoryAccumulator;
  onPickStart?: (x: number, y: number) => void;
  start?: [number, number];
  maxHeight?: number;
}

const GRID_COLS = 120;
const THRESHOLDS = 18;

export function TrajectoryView({
  runs,
  view,
  paths,
  onPickStart,
  start,
  maxHeight = 420,
}: TrajectoryViewProps) {
  const t = useT();
  const language = useLanguage();
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const clipId = useClipId('trajectory-clip');
  const available = useElementWidth(box, 480);
  const [x0, x1, y0, y1] = view.extent;
  const aspect = (y1 - y0) / (x1 - x0);
  // The plot keeps the surface's aspect ratio; the margins hold the coordinate axes.
  const mx = CONTOUR_MARGIN.left + CONTOUR_MARGIN.right;
  const my = CONTOUR_MARGIN.top + CONTOUR_MARGIN.bottom;
  const plotWidth = Math.max(100, Math.min(available - mx, Math.floor(maxHeight / aspect)));
  const width = plotWidth + mx;
  const height = Math.round(plotWidth * aspect) + my;
  const formula = SURFACE_FORMULAS[view.surface];
  const rows = Math.max(8, Math.round(GRID_COLS * aspect));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the extent's numbers, not its array identity
  const grid = useMemo(
    () => (formula ? sampleSurface(formula.f, view.extent, GRID_COLS, rows) : null),
    [formula, rows, x0, x1, y0, y1],
  );
  const thresholds = useMemo(() => (grid ? logThresholds(grid.values, THRESHOLDS) : []), [grid]);
  const startPoint = start ?? formula?.start ?? null;

  // Drawn in an animation frame, never while the tab is hidden (one draw, the latest, on its return).
  const paint = useRef<() => void>(() => {});
  const loop = useRef<FrameLoop | null>(null);
  useEffect(() => {
    const frames = createFrameLoop(() => paint.current());
    loop.current = frames;
    return () => {
      frames.dispose();
      loop.current = null;
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: language: the marks' labels are worded at draw time
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    paint.current = () =>
      renderContours(el, {
        width,
        height,
        extent: view.extent,
        grid,
        thresholds,
        paths: runs.map((r, i) => ({
          runId: r.runId,
          label: r.label,
          color: runColor(i),
          xy: paths.path(r.runId),
          alr: pointAlr(r.alr),
        })),
        start: startPoint,
        minimum: view.minimum,
        clipId,
      });
    loop.current?.request();
  }, [runs, view, paths, width, height, grid, thresholds, startPoint, clipId, language]);

  const pick = (e: MouseEvent<SVGSVGElement>) => {
    if (!onPickStart) return;
    const rect = e.currentTarget.getBoundingClientRect();
    // The SVG may be scaled by CSS: map client pixels to its own coordinates first.
    const px = ((e.clientX - rect.left) * width) / rect.width;
    const py = ((e.clientY - rect.top) * height) / rect.height;
    const { x, y } = contourScales({ width, height, extent: view.extent });
    const [xr0, xr1] = x.range() as [number, number];
    const [yr1, yr0] = y.range() as [number, number];
    if (px < xr0 || px > xr1 || py < yr0 || py > yr1) return; // on the axes, not the surface
    onPickStart(x.invert(px), y.invert(py));
  };

  return (
    <div ref={box} className="trajectory-view">
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: picking a point is a pointer gesture; keyboard users type the start in the experiment drawer */}
      <svg
        ref={svg}
        className={`chart__svg trajectory-view__plot${onPickStart ? ' trajectory-view__plot--pick' : ''}`}
        role="img"
        aria-label={t('chart.contoursAria', {
          surface: surfaceName(view.surface as Parameters<typeof surfaceName>[0]),
        })}
        onClick={pick}
      >
        {onPickStart && <title>{t('chart.clickToStart')}</title>}
      </svg>
      <p className="chart__legend">
        {runs.map((r, i) => (
          <span key={r.runId} className="key key--run" style={{ ['--run-color' as string]: runColor(i) }}>
            {r.label}
          </span>
        ))}
        <span className="key key--start">{t('chart.start')}</span>
        <span className="key key--minimum">{t('chart.minimum')}</span>
        <span className="key key--alr-cross">{t('chart.alrCross')}</span>
        {onPickStart && <span className="muted">{t('chart.pickHint')}</span>}
      </p>
    </div>
  );
}
