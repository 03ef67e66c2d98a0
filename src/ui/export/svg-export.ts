// A chart's on-screen SVG as a standalone file: the element is cloned and every drawn element gets the
// computed values of the presentation properties the app's CSS sets (charts.css: colours, dashes, fonts)
// as an inline style, so the file looks the same without the page's style sheets. Adds the SVG
// namespaces, an explicit size and a white background.

import { makeSvgInert } from './svg-inert';

export const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Computed properties copied onto each element of the clone. */
export const INLINED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linejoin',
  'stroke-linecap',
  'opacity',
  'font-size',
  'font-family',
  'font-weight',
  'font-style',
  'font-variant-numeric',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
  'display',
] as const;

// Values that need not be written (SVG's initial values), to keep the file small.
const INITIAL: Partial<Record<(typeof INLINED_PROPERTIES)[number], string[]>> = {
  'fill-opacity': ['1'],
  'stroke-dasharray': ['none'],
  'stroke-opacity': ['1'],
  'stroke-linejoin': ['miter'],
  'stroke-linecap': ['butt'],
  opacity: ['1'],
  'font-style': ['normal'],
  'font-variant-numeric': ['normal'],
  'text-anchor': ['start'],
  'dominant-baseline': ['auto'],
  'paint-order': ['normal'],
  visibility: ['visible'],
  display: ['inline', 'block'],
};

/** Elements whose look is not painted (structure, clip geometry): no style copied. */
const UNPAINTED = new Set(['clippath', 'defs', 'title', 'desc', 'lineargradient', 'radialgradient', 'stop']);

/** An inline style from a property reader (e.g. a CSSStyleDeclaration's getPropertyValue). Pure. */
export function inlineStyle(get: (property: string) => string, text: boolean): string {
  const parts: string[] = [];
  for (const p of INLINED_PROPERTIES) {
    const isFont = p.startsWith('font') || p === 'text-anchor' || p === 'dominant-baseline';
    if (isFont && !text) continue;
    const v = get(p).trim();
    if (v === '' || INITIAL[p]?.includes(v)) continue;
    // Font families with quotes would break the style attribute's own quoting only if we used ";" inside.
    parts.push(`${p}:${v}`);
  }
  return parts.join(';');
}

const TEXTUAL = new Set(['svg', 'g', 'text', 'tspan', 'textpath']);

/** Size of an SVG as drawn: its width/height attributes, else its box on screen, else its viewBox. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  // Only absolute lengths count ("100%" or "auto" mean: as laid out).
  const abs = (v: string | null) => (v && /^\s*[\d.]+(px)?\s*$/.test(v) ? Number.parseFloat(v) : NaN);
  const wAttr = abs(svg.getAttribute('width'));
  const hAttr = abs(svg.getAttribute('height'));
  const box = svg.getBoundingClientRect();
  const vb = svg.viewBox?.baseVal;
  const width = Number.isFinite(wAttr) && wAttr > 0 ? wAttr : box.width || vb?.width || 300;
  const height = Number.isFinite(hAttr) && hAttr > 0 ? hAttr : box.height || vb?.height || 150;
  return { width, height };
}

export interface SvgExportOptions {
  /** Background fill; null for none. Default white. */
  background?: string | null;
  /** A title written as <title> (file metadata, not drawn). */
  title?: string;
}

/** The element, with its computed CSS inlined, as a standalone SVG document string. */
export function svgElementToString(svg: SVGSVGElement, options: SvgExportOptions = {}): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const view = svg.ownerDocument.defaultView ?? window;
  // Walk the original and the clone in step (same structure) and copy the computed styles across.
  const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
  originals.forEach((el, i) => {
    const copy = copies[i];
    if (!copy) return;
    const tag = el.tagName.toLowerCase();
    if (UNPAINTED.has(tag)) return;
    const computed = view.getComputedStyle(el);
    const style = inlineStyle((p) => computed.getPropertyValue(p), TEXTUAL.has(tag));
    if (style) copy.setAttribute('style', style);
    else copy.removeAttribute('style');
  });
  const { width, height } = svgSize(svg);
  // The serializer writes xmlns for an SVG-namespace element; xlink is declared for old viewers.
  clone.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:xlink', XLINK_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  // Page-only attributes.
  clone.removeAttribute('class');
  const doc = clone.ownerDocument;
  if (options.title) {
    const t = doc.createElementNS(SVG_NS, 'title');
    t.textContent = options.title;
    clone.insertBefore(t, clone.firstChild);
  }
  const background = options.background === undefined ? '#ffffff' : options.background;
  if (background) {
    const vb = clone.viewBox.baseVal;
    const rect = doc.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('x', String(vb?.x ?? 0));
    rect.setAttribute('y', String(vb?.y ?? 0));
    rect.setAttribute('width', String(vb?.width || width));
    rect.setAttribute('height', String(vb?.height || height));
    rect.setAttribute('fill', background);
    rect.setAttribute('class', 'export-background');
    const afterTitle = options.title ? clone.firstChild?.nextSibling : clone.firstChild;
    clone.insertBefore(rect, afterTitle ?? null);
  }
  return serializeSvg(clone);
}

/** XML text of an SVG root (made inert first: svg-inert.ts), with the XML declaration. */
export function serializeSvg(svg: SVGSVGElement): string {
  makeSvgInert(svg);
  let text = new XMLSerializer().serializeToString(svg);
  // XMLSerializer adds xmlns itself for an element made with createElementNS; never twice.
  if (!/^<svg[^>]*\sxmlns=/.test(text)) text = text.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`;
}

/** An SVG string as a data URL (for an <img> or Image). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
