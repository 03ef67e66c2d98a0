// Every layer of one run as a heatmap of the shown field (A-LR by default), one titled canvas per
// layer, MNIST's first layer as 28×28 tiles. The field never goes through React: this component
// subscribes to the training store, keeps the latest snapshot in a ref, marks the picture dirty and
// paints in the next animation frame (docs/ARCHITECTURE.md, "A snapshot, from the worker to the canvas"), never while
// the tab is hidden. React renders only when the layout, the panel width or the cursor changes.
import './heatmap.css';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RunSnapshot } from '../../engine/session/snapshot-types';
import { training } from '../../state/app-state';
import { runOf } from '../../state/run-selectors';
import { useLanguage } from '../i18n';
import { createFrameLoop, type FrameLoop } from '../page-visibility';
import { useTraining } from '../use-training';
import type { AggregateOp } from './aggregate';
import { colourTableFor } from './color-table';
import { type Domain, domainOf } from './domain';
import { cellSummary, HeatmapTooltip } from './heatmap-tooltip';
import { fieldLabel } from './labels';
import { type Cursor, type CursorSource, LayerHeatmap } from './layer-heatmap';
import { layoutKey } from './layout-key';
import { type LayerPlan, mainLayer, paintLayer, planLayer } from './painter';

export interface RunHeatmapsProps {
  /** The run to draw (`RunSnapshot.runId`). */
  runId: string;
  /**
   * Colour domain [lo, hi] in log10 units (e.g. [-2, 8] for 10⁻² … 10⁸). Pass ONE domain to every
   * panel so a colour means the same value everywhere (see `domainOf`); 'own' fits this run alone.
   */
  domain: Domain | 'own';
  /** How a pixel that stands for several cells shows them (large layers only). Default 'max'. */
  aggregate?: AggregateOp;
  /** Called with the domain in use whenever it changes (with 'own': to label a legend). */
  onDomain?: (domain: Domain) => void;
  /**
   * Draw only the run's main layer (see `mainLayer`), as large as the component's own box allows
   * (its height is set by the page, not by the picture): the slide layout.
   */
  fill?: boolean;
}

/** Room kept above a filling heatmap for its one-line caption, CSS px. */
const FILL_CAPTION = 26;

const FALLBACK_DOMAIN: Domain = [0, 1]; // before any data: every cell is grey anyway

/** A domain the colour table accepts: finite, at least a tenth of a decade wide. */
function usable([lo, hi]: Domain): Domain {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return FALLBACK_DOMAIN;
  return hi - lo >= 0.1 ? [lo, hi] : [lo, lo + 0.1];
}

export function RunHeatmaps({ runId, domain, aggregate = 'max', onDomain, fill = false }: RunHeatmapsProps) {
  const key = useTraining((s) => layoutKey(runOf(s, runId)));
  const kind = useTraining((s) => runOf(s, runId)?.shown.kind ?? 'adaptiveRate');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the layout
  const layout = useMemo(() => runOf(training.store.getState(), runId)?.layout ?? [], [key, runId]);

  const rootRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [height, setHeight] = useState(0);
  const [dpr, setDpr] = useState(() => (typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1));
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const measure = () => {
      setWidth(Math.floor(root.clientWidth));
      setHeight(Math.floor(root.clientHeight));
      setDpr(window.devicePixelRatio || 1);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    window.addEventListener('resize', measure); // zoom changes the device pixel ratio
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);

  const fillHeight = fill ? height - FILL_CAPTION : 0;
  const plans = useMemo(() => {
    if (width <= 0) return [];
    if (!fill) return layout.map((slice) => planLayer(slice, width, dpr));
    const main = mainLayer(layout);
    return main && fillHeight > 0 ? [planLayer(main, width, dpr, fillHeight)] : [];
  }, [layout, width, dpr, fill, fillHeight]);

  // ---- Drawing, outside React ----
  const latest = useRef<RunSnapshot | null>(null);
  const canvases = useRef(new Map<string, HTMLCanvasElement>());
  const images = useRef(new WeakMap<LayerPlan, ImageData>());
  const view = useRef({ plans, domain, aggregate, onDomain });
  const own = useRef<{ values: Float32Array | null; domain: Domain | null }>({ values: null, domain: null });
  const reported = useRef<Domain | null>(null);
  const loop = useRef<FrameLoop | null>(null);
  const dirty = useRef(true);

  const draw = useCallback(() => {
    if (!dirty.current) return;
    const run = latest.current;
    const { plans, domain, aggregate, onDomain } = view.current;
    if (!run || plans.length === 0) return;
    dirty.current = false;
    const values = run.shown.values;
    let d: Domain;
    if (domain === 'own') {
      if (own.current.values !== values) own.current.domain = domainOf([values]) ?? own.current.domain;
      own.current.values = values;
      d = own.current.domain ?? FALLBACK_DOMAIN;
    } else d = usable(domain);
    const table = colourTableFor(d[0], d[1]);
    const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
    for (const plan of plans) {
      const canvas = canvases.current.get(plan.slice.name);
      if (!canvas || canvas.width !== plan.fit.imageWidth || canvas.height !== plan.fit.imageHeight) continue;
      if (plan.slice.offset + plan.slice.size > values.length) continue; // a stale layout for a moment
      const ctx = canvas.getContext('2d');
      if (!ctx) continue;
      let image = images.current.get(plan);
      if (!image) {
        image = ctx.createImageData(plan.fit.imageWidth, plan.fit.imageHeight);
        images.current.set(plan, image);
      }
      paintLayer(plan, bits, table, aggregate, new Int32Array(image.data.buffer));
      ctx.putImageData(image, 0, 0);
    }
    // For tests and tools: what the canvases show now, without a React render.
    const root = rootRef.current;
    if (root) {
      root.dataset.domain = `${d[0]},${d[1]}`;
      root.dataset.drawnStep = String(run.step);
    }
    const last = reported.current;
    if (!last || last[0] !== d[0] || last[1] !== d[1]) {
      reported.current = d;
      onDomain?.(d);
    }
  }, []);

  // One paint per frame at most, none while the tab is hidden (one on its return): page-visibility.ts.
  const schedule = useCallback(() => {
    dirty.current = true;
    loop.current ??= createFrameLoop(draw);
    loop.current.request();
  }, [draw]);
  useEffect(
    () => () => {
      loop.current?.dispose();
      loop.current = null;
    },
    [],
  );

  // The latest props for the next frame; a repaint only when what is drawn changes (new canvases are
  // blank; a domain passed as a fresh array literal each render is the same domain).
  useLayoutEffect(() => {
    view.current = { plans, domain, aggregate, onDomain };
  });
  const domainKey = domain === 'own' ? 'own' : `${domain[0]},${domain[1]}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: domainKey stands for domain
  useLayoutEffect(() => {
    view.current = { plans, domain, aggregate, onDomain };
    schedule();
  }, [plans, domainKey, aggregate, schedule]);

  // The store: a new snapshot of this run marks the picture dirty.
  useEffect(() => {
    latest.current = runOf(training.store.getState(), runId);
    schedule();
    const unsubscribe = training.store.subscribe((state) => {
      const run = runOf(state, runId);
      if (run?.shown.values === latest.current?.shown.values) return;
      latest.current = run;
      schedule();
    });
    return unsubscribe;
  }, [runId, schedule]);

  const register = useCallback(
    (layer: string, canvas: HTMLCanvasElement | null) => {
      if (canvas) {
        if (canvases.current.get(layer) !== canvas) {
          canvases.current.set(layer, canvas);
          schedule();
        }
      } else canvases.current.delete(layer);
    },
    [schedule],
  );

  // ---- Cursor and tooltip ----
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const onCursor = useCallback((layer: string, next: Cursor | null, source: CursorSource) => {
    setCursor((current) => {
      if (next === null) {
        // Leaving clears only what that input put up (a mouse leaving keeps a keyboard cursor).
        return current && current.layer === layer && current.source === source ? null : current;
      }
      if (
        current &&
        current.layer === next.layer &&
        current.flat === next.flat &&
        current.x === next.x &&
        current.y === next.y &&
        current.source === next.source
      )
        return current;
      return next;
    });
  }, []);

  // A touch elsewhere closes a tooltip a touch opened.
  useEffect(() => {
    if (cursor?.source !== 'touch') return;
    const close = (e: globalThis.PointerEvent) => {
      if (!(e.target instanceof HTMLCanvasElement && rootRef.current?.contains(e.target))) setCursor(null);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [cursor?.source]);

  // A new layout or size moves every cell: drop the cursor.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs exactly when the plans change
  useEffect(() => setCursor(null), [plans]);
  const cursorPlan = cursor ? plans.find((p) => p.slice.name === cursor.layer) : undefined;

  const tooltipId = `heatmap-tooltip-${useId().replace(/:/g, '')}`;
  useLanguage(); // re-render (and re-word the labels below) when the language changes
  const kindLabel = fieldLabel(kind);
  const announce =
    cursor?.source === 'keyboard' && cursorPlan && latest.current
      ? cellSummary(
          cursorPlan,
          cursor.flat,
          kindLabel,
          latest.current.shown.values[cursor.flat] ?? Number.NaN,
        )
      : '';

  return (
    <div
      className={fill ? 'heatmaps heatmaps--fill' : 'heatmaps'}
      ref={rootRef}
      data-testid={`heatmaps-${runId}`}
    >
      {plans.map((plan) => (
        <LayerHeatmap
          key={plan.slice.name}
          runId={runId}
          plan={plan}
          op={aggregate}
          kindLabel={kindLabel}
          cursor={cursor?.layer === plan.slice.name ? cursor : null}
          tooltipId={tooltipId}
          latest={latest}
          onCursor={onCursor}
          register={register}
        />
      ))}
      {cursor && cursorPlan && cursor.flat >= 0 && (
        <HeatmapTooltip
          id={tooltipId}
          runId={runId}
          plan={cursorPlan}
          cell={cursor}
          op={aggregate}
          canvas={canvases.current.get(cursor.layer) ?? null}
        />
      )}
      <p className="sr-only heatmaps__sr" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}
