// ?embed=1 and its options: which parts to hide, the layout, and which parent origin may drive the app.

export const HIDEABLE = [
  'caption',
  'settings',
  'heatmaps',
  'charts',
  'numbers',
  'edit',
  'curves',
  'softplus',
  'task',
  'add',
  'histogram',
] as const;
export type Hideable = (typeof HIDEABLE)[number];

/**
 * What the slide layout (a short, wide frame: one screen, no scrolling) leaves out unless `show=` names
 * it: everything but each run's main heatmap, its max/min readout and its Figure 1 chart.
 */
export const SLIDE_HIDDEN: readonly Hideable[] = [
  'caption',
  'numbers',
  'edit',
  'curves',
  'softplus',
  'task',
  'histogram',
];

/** `auto`: the slide layout whenever the frame is wide (see ui/slide-layout.ts); `full`: never. */
export type EmbedLayout = 'auto' | 'full';

export interface EmbedParams {
  embed: boolean;
  /** Parts not shown. Embed mode hides the settings drawer and the add-run button by default. */
  hidden: ReadonlySet<Hideable>;
  /** Parts `show=` names: shown even where a layout would leave them out. */
  shown: ReadonlySet<Hideable>;
  layout: EmbedLayout;
  /** Only this origin's messages are obeyed and state goes only to it; null = the parent, any origin. */
  origin: string | null;
}

const isHideable = (part: string): part is Hideable => (HIDEABLE as readonly string[]).includes(part);

export function readEmbedParams(search: string): EmbedParams {
  const params = new URLSearchParams(search);
  const embed = params.get('embed') === '1';
  const hidden = new Set<Hideable>(embed ? ['settings', 'add'] : []);
  for (const part of (params.get('hide') ?? '').split(',')) if (isHideable(part)) hidden.add(part);
  const shown = new Set<Hideable>();
  for (const part of (params.get('show') ?? '').split(',')) {
    if (!isHideable(part)) continue;
    hidden.delete(part);
    shown.add(part);
  }
  const layout: EmbedLayout = params.get('layout') === 'full' ? 'full' : 'auto';
  let origin: string | null = null;
  const raw = params.get('origin');
  if (raw) {
    try {
      origin = new URL(raw).origin;
    } catch {
      origin = null;
    }
  }
  return { embed, hidden, shown, layout, origin };
}

/** The parts hidden in the layout in use: the slide layout adds SLIDE_HIDDEN, less what `show=` names. */
export function hiddenParts(params: EmbedParams, slide: boolean): ReadonlySet<Hideable> {
  if (!slide) return params.hidden;
  const hidden = new Set(params.hidden);
  for (const part of SLIDE_HIDDEN) if (!params.shown.has(part)) hidden.add(part);
  return hidden;
}
