// One run's heatmap drawing, as a plain object outside React: the component that shows the run creates
// it, attaches each layer's canvas, tells it the layer plans (`resize`) and hands it the latest data
// (`update`) from the shared redraw-when-dirty frame (../charts/use-store-redraw.ts, the charts' own).
// `update` paints only what changed since the last paint: a new field, another colour domain or
// aggregate, or new plans or canvases. `dispose` drops the canvases and buffers.
import type { RunSnapshot } from '../../engine/session/snapshot-types';
import { fieldLoans } from '../../state/field-loans';
import type { AggregateOp } from './aggregate';
import { colourTableFor } from './color-table';
import { type Domain, domainOf } from './domain';
import { type LayerPlan, paintLayer } from './painter';

/** The little of a 2-D context the renderer uses (tests pass a fake one). */
export type PixelContext = Pick<CanvasRenderingContext2D, 'createImageData' | 'putImageData'>;

/** A canvas as the renderer sees it. */
export interface HeatmapCanvas {
  width: number;
  height: number;
  getContext(contextId: '2d'): PixelContext | null;
}

/** What the canvases should show. */
export interface HeatmapData {
  /** The run's latest snapshot, or null before the first. */
  run: Pick<RunSnapshot, 'step' | 'shown'> | null;
  /** Colour domain in log10 units, shared by all panels, or 'own' for this run's field alone. */
  domain: Domain | 'own';
  aggregate: AggregateOp;
}

const FALLBACK_DOMAIN: Domain = [0, 1]; // before any data: every cell is grey anyway

/** A domain the colour table accepts: finite, at least a tenth of a decade wide. */
export function usableDomain([lo, hi]: Domain): Domain {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return FALLBACK_DOMAIN;
  return hi - lo >= 0.1 ? [lo, hi] : [lo, lo + 0.1];
}

const sameDomain = (a: Domain | null, b: Domain | null) =>
  a === b || (!!a && !!b && a[0] === b[0] && a[1] === b[1]);

export class HeatmapRenderer<C extends HeatmapCanvas = HeatmapCanvas> {
  private readonly canvases = new Map<string, C>();
  private readonly images = new Map<string, ImageData>();
  private plans: readonly LayerPlan[] = [];
  /** Plans or canvases changed since the last paint. */
  private stale = true;
  private painted: { values: Float32Array; domain: Domain; aggregate: AggregateOp } | null = null;
  /** The 'own' domain, computed once per field. */
  private own: { values: Float32Array | null; domain: Domain | null } = { values: null, domain: null };
  private reported: Domain | null = null;
  private shown: Pick<RunSnapshot, 'step' | 'shown'> | null = null;

  /** `onDomain` hears the colour domain in use whenever it changes (with 'own': to label a legend). */
  constructor(private readonly onDomain?: (domain: Domain) => void) {}

  /** The snapshot whose field the canvases show now (null before the first paint). */
  get drawn(): Pick<RunSnapshot, 'step' | 'shown'> | null {
    return this.shown;
  }

  /** The colour domain of the last paint. */
  get domain(): Domain | null {
    return this.painted?.domain ?? null;
  }

  /** The canvas attached for `layer`. */
  canvas(layer: string): C | undefined {
    return this.canvases.get(layer);
  }

  /** A layer's canvas appeared (null: it went away). */
  attach(layer: string, canvas: C | null): void {
    if (canvas) {
      if (this.canvases.get(layer) === canvas) return;
      this.canvases.set(layer, canvas);
      const plan = this.plans.find((p) => p.slice.name === layer);
      if (plan) this.size(canvas, plan);
    } else this.canvases.delete(layer);
    this.images.delete(layer);
    this.stale = true;
  }

  /** New plans (a new layout, panel width or pixel ratio): sizes the canvases, repaints on the next update. */
  resize(plans: readonly LayerPlan[]): void {
    if (plans === this.plans) return;
    this.plans = plans;
    this.images.clear();
    for (const plan of plans) {
      const canvas = this.canvases.get(plan.slice.name);
      if (canvas) this.size(canvas, plan);
    }
    this.stale = true;
  }

  /** Paints `data` if it differs from what the canvases show; returns whether it painted. */
  update({ run, domain, aggregate }: HeatmapData): boolean {
    if (!run || this.plans.length === 0) return false;
    const values = run.shown.values;
    const d = domain === 'own' ? this.ownDomain(values) : usableDomain(domain);
    const last = this.painted;
    if (
      !this.stale &&
      last &&
      last.values === values &&
      last.aggregate === aggregate &&
      sameDomain(last.domain, d)
    )
      return false;
    this.stale = false;
    // The field it shows stays readable (tooltip, cursor) while it is on the canvases (field-loans.ts).
    if (last?.values !== values) {
      fieldLoans.hold(values);
      if (last) fieldLoans.release(last.values);
    }
    this.painted = { values, domain: d, aggregate };
    this.shown = run;
    this.paint(values, d, aggregate);
    if (!sameDomain(this.reported, d)) {
      this.reported = d;
      this.onDomain?.(d);
    }
    return true;
  }

  /**
   * Lets go of the canvases, plans and pixel buffers; it draws nothing until it is given canvases and
   * plans again (as React's development-mode remount does).
   */
  dispose(): void {
    this.canvases.clear();
    this.images.clear();
    this.plans = [];
    if (this.painted) fieldLoans.release(this.painted.values);
    this.painted = null;
    this.shown = null;
    this.reported = null;
    this.stale = true;
  }

  private ownDomain(values: Float32Array): Domain {
    if (this.own.values !== values) this.own = { values, domain: domainOf([values]) ?? this.own.domain };
    return this.own.domain ?? FALLBACK_DOMAIN;
  }

  /** Whole image pixels: the canvas's backing store is the plan's image; CSS scales it crisply. */
  private size(canvas: C, plan: LayerPlan): void {
    if (canvas.width !== plan.fit.imageWidth) canvas.width = plan.fit.imageWidth;
    if (canvas.height !== plan.fit.imageHeight) canvas.height = plan.fit.imageHeight;
  }

  private paint(values: Float32Array, [lo, hi]: Domain, aggregate: AggregateOp): void {
    const table = colourTableFor(lo, hi);
    const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
    for (const plan of this.plans) {
      const layer = plan.slice.name;
      const canvas = this.canvases.get(layer);
      if (!canvas) continue;
      if (plan.slice.offset + plan.slice.size > values.length) continue; // a stale layout for a moment
      const ctx = canvas.getContext('2d');
      if (!ctx) continue;
      this.size(canvas, plan);
      let image = this.images.get(layer);
      if (!image || image.width !== plan.fit.imageWidth || image.height !== plan.fit.imageHeight) {
        image = ctx.createImageData(plan.fit.imageWidth, plan.fit.imageHeight);
        this.images.set(layer, image);
      }
      paintLayer(plan, bits, table, aggregate, new Int32Array(image.data.buffer));
      ctx.putImageData(image, 0, 0);
    }
  }
}
