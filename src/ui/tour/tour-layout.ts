// Pure helpers for the overlay: when a step's scene counts as loaded, which keys the tour may take,
// and which corner the caption card goes to so that it does not cover what it points at.
import type { Scene } from '../../engine/scenes';

export interface LoadedLike {
  snapshot: { runs: readonly { runId: string }[] } | null;
  experiment: { task: unknown; runs: readonly { id: string }[] } | null;
}

/** Whether the training state shows `scene` (its runs and task), not the scene before it. */
export function sceneLoaded(state: LoadedLike, scene: Scene): boolean {
  const { snapshot, experiment } = state;
  if (!snapshot || !experiment) return false;
  const want = scene.experiment.runs.map((r) => r.id).join('\n');
  return (
    experiment.runs.map((r) => r.id).join('\n') === want &&
    snapshot.runs.map((r) => r.runId).join('\n') === want &&
    JSON.stringify(experiment.task) === JSON.stringify(scene.experiment.task)
  );
}

/** Elements whose keys are their own: fields, sliders, focusable canvases, other dialogs. */
const OWNS_KEYS =
  'input, select, textarea, [contenteditable="true"], [role="slider"], [role="spinbutton"], ' +
  '[role="grid"], [role="listbox"], [role="menu"], [role="application"], canvas[tabindex], ' +
  '[role="dialog"]:not([data-testid="tour-caption"])';

export function ownsKeys(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  return element.isContentEditable === true || element.closest(OWNS_KEYS) !== null;
}

export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
export const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Viewport {
  width: number;
  height: number;
  /** Where the page shows below a sticky header (0 without one). */
  top?: number;
}

/** The card's rectangle in a corner of the viewport (below a sticky header), `margin` from its edges. */
export function cornerRect(
  corner: Corner,
  card: { width: number; height: number },
  viewport: Viewport,
  margin = 16,
): Rect {
  const left = corner.endsWith('right') ? viewport.width - margin - card.width : margin;
  const top = corner.startsWith('bottom')
    ? viewport.height - margin - card.height
    : (viewport.top ?? 0) + margin;
  return { left, top, width: card.width, height: card.height };
}

const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top));

/** The first corner where the card leaves the target uncovered; else the one covering least of it. */
export function pickCorner(
  target: Rect,
  card: { width: number; height: number },
  viewport: Viewport,
): Corner {
  let best: Corner = 'bottom-right';
  let least = Number.POSITIVE_INFINITY;
  for (const corner of CORNERS) {
    const area = overlap(target, cornerRect(corner, card, viewport));
    if (area === 0) return corner;
    if (area < least) {
      least = area;
      best = corner;
    }
  }
  return best;
}

/**
 * How far to scroll (added to scrollY) so that the target shows in the free part of the viewport: below a
 * sticky header and, where the card spans most of the width (phones), above the card. Centred there when
 * it fits, else its top just under the header. 0 when it already shows whole in that part.
 */
export function scrollDelta(
  target: Rect,
  card: { width: number; height: number },
  viewport: Viewport,
): number {
  const margin = 12;
  const freeTop = (viewport.top ?? 0) + margin;
  const cardBlocks = card.width > viewport.width * 0.6;
  const freeBottom = Math.max(freeTop + 120, viewport.height - margin - (cardBlocks ? card.height + 16 : 0));
  if (target.top >= freeTop && target.top + target.height <= freeBottom) return 0;
  const room = freeBottom - freeTop;
  const desiredTop = target.height <= room ? freeTop + (room - target.height) / 2 : freeTop;
  return target.top - desiredTop;
}
