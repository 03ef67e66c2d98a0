// The walk behind the PNG export: a region's elements, in document order, turned into drawing operations
// at their on-screen positions — boxes (backgrounds, borders), canvases, SVG charts (serialised with their
// CSS inlined, loaded as images), text with each element's computed font and colour, form controls'
// current values. Elements marked `data-export-ignore` are left out.

import { svgDataUrl, svgElementToString } from './svg-export';

/** One drawing step on the export canvas (the caller saves and restores the context around it). */
export type DrawOp = (ctx: CanvasRenderingContext2D) => void;

export function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('PNG export: an SVG chart could not be rendered as an image'));
    image.src = src;
  });
}

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'OPTION', 'DATALIST']);

function isTransparent(color: string): boolean {
  return color === '' || color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color);
}

function hidden(el: Element, style: CSSStyleDeclaration): boolean {
  if (el.hasAttribute('data-export-ignore')) return true;
  if (style.display === 'none' || style.visibility === 'hidden') return true;
  // Screen-reader-only text (clipped to nothing) is not on screen.
  if (style.clip && style.clip !== 'auto' && style.position === 'absolute') return true;
  if (style.clipPath && style.clipPath !== 'none' && /inset\(50%/.test(style.clipPath)) return true;
  return typeof el.checkVisibility === 'function' && !el.checkVisibility();
}

function cssFont(style: CSSStyleDeclaration): string {
  return `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
}

export function collectDrawOps(el: Element, ops: (DrawOp | Promise<DrawOp>)[], ox: number, oy: number): void {
  if (SKIP_TAGS.has(el.tagName)) return;
  const style = getComputedStyle(el);
  if (hidden(el, style)) return;
  const r = el.getBoundingClientRect();
  const x = r.left + ox;
  const y = r.top + oy;
  if (el instanceof HTMLElement && r.width > 0 && r.height > 0) {
    boxOps(style, x, y, r.width, r.height, ops);
    if (el.classList.contains('key'))
      beforeOps(el, x + (Number.parseFloat(style.paddingLeft) || 0), y, r.height, ops);
  }
  if (el instanceof HTMLCanvasElement) {
    if (r.width > 0 && r.height > 0 && el.width > 0 && el.height > 0) {
      const pixelated = style.imageRendering === 'pixelated' || style.imageRendering === 'crisp-edges';
      ops.push((ctx) => {
        ctx.imageSmoothingEnabled = !pixelated;
        ctx.drawImage(el, x, y, r.width, r.height);
      });
    }
    return;
  }
  if (el instanceof SVGSVGElement) {
    if (r.width > 0 && r.height > 0) ops.push(svgOp(el, x, y, r.width, r.height));
    return;
  }
  if (el instanceof HTMLImageElement) {
    if (el.complete && el.naturalWidth > 0) ops.push((ctx) => ctx.drawImage(el, x, y, r.width, r.height));
    return;
  }
  if (
    el instanceof HTMLSelectElement ||
    el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement
  ) {
    const text =
      el instanceof HTMLSelectElement
        ? (el.selectedOptions[0]?.textContent ?? '')
        : el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')
          ? el.checked
            ? '☑'
            : '☐'
          : el.value;
    if (text) {
      const pad = Number.parseFloat(style.paddingLeft) + Number.parseFloat(style.borderLeftWidth) || 4;
      ops.push((ctx) => {
        ctx.font = cssFont(style);
        ctx.fillStyle = style.color;
        ctx.textBaseline = 'middle';
        ctx.fillText(text.trim(), x + pad, y + r.height / 2, Math.max(1, r.width - pad * 2));
      });
    }
    return;
  }
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) textOps(child as Text, style, ops, ox, oy);
    else if (child.nodeType === Node.ELEMENT_NODE) collectDrawOps(child as Element, ops, ox, oy);
  }
}

function boxOps(
  s: CSSStyleDeclaration,
  x: number,
  y: number,
  w: number,
  h: number,
  ops: (DrawOp | Promise<DrawOp>)[],
) {
  const radius = Number.parseFloat(s.borderTopLeftRadius) || 0;
  const fill = s.backgroundColor;
  const bw = Number.parseFloat(s.borderTopWidth) || 0;
  const uniformBorder =
    bw > 0 &&
    s.borderTopStyle !== 'none' &&
    s.borderTopWidth === s.borderRightWidth &&
    s.borderTopWidth === s.borderBottomWidth &&
    s.borderTopWidth === s.borderLeftWidth &&
    s.borderTopColor === s.borderRightColor &&
    s.borderTopColor === s.borderBottomColor &&
    s.borderTopColor === s.borderLeftColor;
  if (!isTransparent(fill) || uniformBorder) {
    ops.push((ctx) => {
      ctx.beginPath();
      const inset = uniformBorder ? bw / 2 : 0;
      if (radius > 0 && typeof ctx.roundRect === 'function') {
        ctx.roundRect(x + inset, y + inset, w - 2 * inset, h - 2 * inset, Math.max(0, radius - inset));
      } else ctx.rect(x + inset, y + inset, w - 2 * inset, h - 2 * inset);
      if (!isTransparent(fill)) {
        ctx.fillStyle = fill;
        ctx.fill();
      }
      if (uniformBorder && !isTransparent(s.borderTopColor)) {
        ctx.strokeStyle = s.borderTopColor;
        ctx.lineWidth = bw;
        ctx.stroke();
      }
    });
  }
  if (uniformBorder) return;
  // Borders that differ by side (e.g. a card's coloured top rule): each side as a filled strip.
  const sides: [string, string, string, number, number, number, number][] = [
    [s.borderTopWidth, s.borderTopStyle, s.borderTopColor, x, y, w, 0],
    [s.borderBottomWidth, s.borderBottomStyle, s.borderBottomColor, x, y + h, w, 0],
    [s.borderLeftWidth, s.borderLeftStyle, s.borderLeftColor, x, y, 0, h],
    [s.borderRightWidth, s.borderRightStyle, s.borderRightColor, x + w, y, 0, h],
  ];
  sides.forEach(([width, st, color, sx, sy, dx, dy], i) => {
    const lw = Number.parseFloat(width) || 0;
    if (lw <= 0 || st === 'none' || isTransparent(color)) return;
    ops.push((ctx) => {
      ctx.fillStyle = color;
      ctx.beginPath();
      // Top / left strips lie inside from the edge; bottom / right ones inside from the far edge.
      const rx = dx === 0 ? (i === 3 ? sx - lw : sx) : sx;
      const ry = dy === 0 ? (i === 1 ? sy - lw : sy) : sy;
      const rw = dx === 0 ? lw : dx;
      const rh = dy === 0 ? lw : dy;
      if (radius > 0 && typeof ctx.roundRect === 'function' && i === 0) {
        // A top rule on a rounded card: clip to the card's rounded outline.
        ctx.save();
        ctx.beginPath();
        ctx.roundRect(x, y, w, h, radius);
        ctx.clip();
        ctx.fillRect(rx, ry, rw, rh);
        ctx.restore();
      } else ctx.fillRect(rx, ry, rw, rh);
    });
  });
}

/** A legend key's ::before swatch (a short line or a small box), drawn at the start of its element. */
function beforeOps(el: Element, x: number, y: number, h: number, ops: (DrawOp | Promise<DrawOp>)[]): void {
  const b = getComputedStyle(el, '::before');
  if (!b.content || b.content === 'none' || b.content === 'normal' || b.display === 'none') return;
  const w = Number.parseFloat(b.width) || 0;
  const bh = Number.parseFloat(b.height) || 0;
  const top = Number.parseFloat(b.borderTopWidth) || 0;
  if (w <= 0 || (bh <= 0 && top <= 0)) return;
  const cy = y + h / 2;
  const boxH = bh + top;
  const opacity = Number.parseFloat(b.opacity);
  ops.push((ctx) => {
    ctx.globalAlpha = Number.isFinite(opacity) ? opacity : 1;
    if (bh > 0 && !isTransparent(b.backgroundColor)) {
      ctx.fillStyle = b.backgroundColor;
      ctx.fillRect(x, cy - boxH / 2, w, bh);
    }
    if (top > 0 && b.borderTopStyle !== 'none' && !isTransparent(b.borderTopColor)) {
      ctx.strokeStyle = b.borderTopColor;
      ctx.lineWidth = top;
      ctx.setLineDash(b.borderTopStyle === 'dashed' ? [4, 2] : b.borderTopStyle === 'dotted' ? [1.5, 2] : []);
      ctx.beginPath();
      ctx.moveTo(x, cy - boxH / 2 + top / 2);
      ctx.lineTo(x + w, cy - boxH / 2 + top / 2);
      ctx.stroke();
    }
  });
}

function svgOp(svg: SVGSVGElement, x: number, y: number, w: number, h: number): Promise<DrawOp> {
  const text = svgElementToString(svg, { background: null });
  return loadImage(svgDataUrl(text)).then(
    (image): DrawOp =>
      (ctx) =>
        ctx.drawImage(image, x, y, w, h),
    // A chart that cannot be rendered leaves a gap rather than failing the whole export.
    (): DrawOp => () => undefined,
  );
}

/** Each line box of a text node, with its text: whole when it sits on one line, else word by word. */
function textOps(
  node: Text,
  style: CSSStyleDeclaration,
  ops: (DrawOp | Promise<DrawOp>)[],
  ox: number,
  oy: number,
): void {
  const raw = node.data;
  if (!raw.trim()) return;
  const range = document.createRange();
  range.selectNodeContents(node);
  const rects = range.getClientRects();
  if (rects.length === 0) return;
  const font = cssFont(style);
  const color = style.color;
  const transform = style.textTransform;
  const shape = (t: string) =>
    transform === 'uppercase' ? t.toUpperCase() : transform === 'lowercase' ? t.toLowerCase() : t;
  const pieces: { text: string; rect: DOMRect }[] = [];
  if (rects.length === 1) {
    // The box of the text without its edge spaces, so the text starts where it shows.
    const start = raw.search(/\S/);
    const end = raw.trimEnd().length;
    range.setStart(node, start);
    range.setEnd(node, end);
    const rect = range.getClientRects()[0] ?? (rects[0] as DOMRect);
    pieces.push({ text: raw.slice(start, end).replace(/\s+/g, ' '), rect });
  } else {
    // Wrapped: one piece per word, each at its own box.
    const re = /\S+/g;
    for (let m = re.exec(raw); m; m = re.exec(raw)) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rect = range.getClientRects()[0];
      if (rect) pieces.push({ text: m[0], rect });
    }
  }
  ops.push((ctx) => {
    ctx.font = font;
    ctx.fillStyle = color;
    ctx.textBaseline = 'middle';
    for (const p of pieces) {
      if (p.rect.width <= 0) continue;
      ctx.fillText(shape(p.text), p.rect.left + ox, p.rect.top + oy + p.rect.height / 2);
    }
  });
}
