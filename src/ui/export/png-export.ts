// A region of the page (a run panel, or the whole view) as one PNG, without html2canvas: the region's
// boxes (backgrounds, borders), its canvases (the heatmaps) and its SVG charts (serialised with their CSS
// inlined, loaded as images) are drawn at their on-screen positions onto one canvas at devicePixelRatio,
// and its text is drawn as text with each element's computed font and colour. Form controls show their
// current value. Elements marked `data-export-ignore` (e.g. the export menu itself) are left out.

import { collectDrawOps, type DrawOp, loadImage } from './region-walk';
import { svgDataUrl } from './svg-export';

export interface PngExportOptions {
  /** Pixels per CSS pixel; default devicePixelRatio (at least 1), lowered when the image would be huge. */
  scale?: number;
  /** Page colour behind everything; default white. */
  background?: string;
  /** A title drawn above the region. */
  title?: string;
  /** Pixels of padding around the region. */
  padding?: number;
}

/** Largest side and area of the canvas (browsers refuse bigger ones). */
export const MAX_CANVAS_SIDE = 16_384;
export const MAX_CANVAS_AREA = 64_000_000;

/** The scale actually used: the requested one, lowered so the canvas stays within the browser's limits. */
export function fitScale(width: number, height: number, requested: number): number {
  let s = Math.max(0.1, requested);
  const side = Math.max(width, height) * s;
  if (side > MAX_CANVAS_SIDE) s *= MAX_CANVAS_SIDE / side;
  const area = width * height * s * s;
  if (area > MAX_CANVAS_AREA) s *= Math.sqrt(MAX_CANVAS_AREA / area);
  return s;
}

const TITLE_HEIGHT = 34;

/** Draws the region into a new canvas (what `regionToPngBlob` encodes). */
export async function regionToCanvas(
  root: HTMLElement,
  options: PngExportOptions = {},
): Promise<HTMLCanvasElement> {
  const padding = options.padding ?? 12;
  const titleH = options.title ? TITLE_HEIGHT : 0;
  const box = root.getBoundingClientRect();
  const width = Math.ceil(box.width + 2 * padding);
  const height = Math.ceil(box.height + 2 * padding + titleH);
  const scale = fitScale(width, height, options.scale ?? Math.max(1, window.devicePixelRatio || 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('PNG export: no 2-D canvas context');
  ctx.scale(scale, scale);
  ctx.fillStyle = options.background ?? '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const ox = padding - box.left;
  const oy = padding + titleH - box.top;
  if (options.title) {
    ctx.fillStyle = '#1b2430';
    ctx.font = `600 16px ${getComputedStyle(root).fontFamily || 'sans-serif'}`;
    ctx.textBaseline = 'middle';
    ctx.fillText(options.title, padding, padding + titleH / 2 - 4);
  }
  // Collect the drawing in document order (so later boxes paint over earlier ones), loading SVGs first.
  const ops: (DrawOp | Promise<DrawOp>)[] = [];
  collectDrawOps(root, ops, ox, oy);
  const ready = await Promise.all(ops);
  ctx.save();
  ctx.beginPath();
  ctx.rect(padding, padding + titleH, box.width, box.height);
  ctx.clip();
  for (const op of ready) {
    ctx.save();
    op(ctx);
    ctx.restore();
  }
  ctx.restore();
  return canvas;
}

/** The region as a PNG Blob. */
export async function regionToPngBlob(root: HTMLElement, options: PngExportOptions = {}): Promise<Blob> {
  return canvasToPng(await regionToCanvas(root, options));
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('PNG export: the canvas gave no image'))),
      'image/png',
    );
  });
}

/** An SVG document string rendered to a PNG Blob of width × height CSS pixels at `scale`. */
export async function svgStringToPngBlob(
  svg: string,
  width: number,
  height: number,
  scale = 2,
): Promise<Blob> {
  const s = fitScale(width, height, scale);
  const image = await loadImage(svgDataUrl(svg));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * s));
  canvas.height = Math.max(1, Math.round(height * s));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('PNG export: no 2-D canvas context');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvasToPng(canvas);
}
