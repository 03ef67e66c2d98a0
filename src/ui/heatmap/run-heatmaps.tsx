// Every layer of one run as a heatmap of the shown field (A-LR by default), one titled canvas per
// layer, MNIST's first layer as 28×28 tiles. The field never goes through React: this component
// creates the run's HeatmapRenderer, and the charts' redraw-when-dirty frame (useStoreRedraw) hands it
// the latest snapshot (docs/ARCHITECTURE.md, "A snapshot, from the worker to the canvas"). React
// renders only when the layout, the panel's size or the cursor changes.
import './heatmap.css';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { training } from '../../state/app-state';
import { runOf } from '../../state/run-selectors';
import { useStoreRedraw } from '../charts/use-store-redraw';
import { useLanguage } from '../i18n';
import { useTraining } from '../use-training';
import type { AggregateOp } from './aggregate';
import type { Domain } from './domain';
import { cellSummary, useHeatmapCursor } from './heatmap-cursor';
import { HeatmapRenderer } from './heatmap-renderer';
import { HeatmapTooltip } from './heatmap-tooltip';
import { fieldLabel } from './labels';
import { LayerHeatmap } from './layer-heatmap';
import { layoutKey } from './layout-key';
import { planLayers } from './painter';
import { useBoxSize } from './use-box-size';

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

export function RunHeatmaps({ runId, domain, aggregate = 'max', onDomain, fill = false }: RunHeatmapsProps) {
  const key = useTraining((s) => layoutKey(runOf(s, runId)));
  const kind = useTraining((s) => runOf(s, runId)?.shown.kind ?? 'adaptiveRate');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the layout
  const layout = useMemo(() => runOf(training.store.getState(), runId)?.layout ?? [], [key, runId]);

  const rootRef = useRef<HTMLDivElement>(null);
  const { width, height, dpr } = useBoxSize(rootRef);
  const boxHeight = fill ? height : 0; // only a filling heatmap follows its box's height
  const plans = useMemo(
    () => planLayers(layout, width, boxHeight, dpr, fill),
    [layout, width, boxHeight, dpr, fill],
  );

  // The renderer: one per mounted component, given the canvases as they attach and the plans before
  // paint; the latest onDomain is called through a ref.
  const onDomainRef = useRef(onDomain);
  onDomainRef.current = onDomain;
  const [renderer] = useState(() => new HeatmapRenderer<HTMLCanvasElement>((d) => onDomainRef.current?.(d)));
  useEffect(() => () => renderer.dispose(), [renderer]);
  useLayoutEffect(() => renderer.resize(plans), [renderer, plans]);

  // The shared frame: on a new snapshot, or new plans, domain or aggregate, the renderer paints what
  // changed. The root then says what the canvases show (for tests and tools).
  const domainKey = domain === 'own' ? 'own' : `${domain[0]},${domain[1]}`;
  const redraw = useStoreRedraw((state) => {
    if (!renderer.update({ run: runOf(state, runId), domain, aggregate })) return;
    const root = rootRef.current;
    const drawn = renderer.domain;
    if (root && drawn) {
      root.dataset.domain = `${drawn[0]},${drawn[1]}`;
      root.dataset.drawnStep = String(renderer.drawn?.step);
    }
  }, `${runId}|${key}|${width}x${boxHeight}@${dpr}|${fill}|${domainKey}|${aggregate}`);
  const attach = useCallback(
    (layer: string, canvas: HTMLCanvasElement | null) => {
      renderer.attach(layer, canvas);
      redraw();
    },
    [renderer, redraw],
  );
  const field = useCallback(() => renderer.drawn?.shown.values, [renderer]);

  // ---- Cursor, tooltip and what a screen reader hears ----
  const { cursor, onCursor } = useHeatmapCursor(plans, rootRef);
  const cursorPlan = cursor ? plans.find((p) => p.slice.name === cursor.layer) : undefined;
  const tooltipId = `heatmap-tooltip-${useId().replace(/:/g, '')}`;
  useLanguage(); // re-render (and re-word the labels below) when the language changes
  const kindLabel = fieldLabel(kind);
  const shown = field();
  const announce =
    cursor?.source === 'keyboard' && cursorPlan && shown
      ? cellSummary(cursorPlan, cursor.flat, kindLabel, shown[cursor.flat] ?? Number.NaN)
      : '';

  return (
    <div
      className={fill ? 'heatmaps heatmaps--fill' : 'heatmaps'}
      ref={rootRef}
      id={`heatmaps-${runId}`}
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
          field={field}
          onCursor={onCursor}
          attach={attach}
        />
      ))}
      {cursor && cursorPlan && cursor.flat >= 0 && (
        <HeatmapTooltip
          id={tooltipId}
          runId={runId}
          plan={cursorPlan}
          cell={cursor}
          op={aggregate}
          canvas={renderer.canvas(cursor.layer) ?? null}
        />
      )}
      <p className="sr-only heatmaps__sr" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}
