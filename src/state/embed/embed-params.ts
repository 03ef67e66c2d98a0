// ?embed=1 and its options: which parts to hide, the layout, and which parent origin may drive the app.
// The keys are rows of the URL schema (state/url/schema.ts), read once at start-up; this module turns what
// they say into what the page hides and whom it answers.

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
export const EMBED_LAYOUTS = ['auto', 'full'] as const;
export type EmbedLayout = (typeof EMBED_LAYOUTS)[number];

/** What a link's embed keys say (`embed`, `hide`, `show`, `layout`, `origin`); absent when not given. */
export interface EmbedLinkParams {
  embed?: boolean;
  hide?: Hideable[];
  show?: Hideable[];
  layout?: EmbedLayout;
  /** A checked origin, normalised (`https://slides.example.org`). */
  origin?: string;
  /** An `origin=` value that is not an origin, as written (the app then fails closed). */
  refusedOrigin?: string;
}

export interface EmbedParams {
  embed: boolean;
  /** Parts not shown. Embed mode hides the settings drawer and the add-run button by default. */
  hidden: ReadonlySet<Hideable>;
  /** Parts `show=` names: shown even where a layout would leave them out. */
  shown: ReadonlySet<Hideable>;
  layout: EmbedLayout;
  /** Only this origin's messages are obeyed and state goes only to it; null = the parent, any origin. */
  origin: string | null;
  /**
   * An `origin=` value that is not an origin (`scheme://host[:port]`): the app then answers no parent at
   * all (fails closed, rather than obeying any parent) and says so in a notice. Null when none was refused.
   */
  refusedOrigin: string | null;
}

/**
 * The origin `text` names, normalised (`https://slides.example.org`), or null when it is not exactly a
 * `scheme://host[:port]` origin: no path, query, fragment or credentials, and not an opaque origin
 * (`data:`, `file:`, `null`, which no message can be checked against). A trailing `/` is allowed.
 */
export function parseOrigin(text: string): string | null {
  const raw = text.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#]/i.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.origin === 'null' || url.href !== `${url.origin}/`) return null;
  return url.origin;
}

/** The page's embedding as a link's keys ask for it (defaults where a key is absent). */
export function embedParams(link: EmbedLinkParams): EmbedParams {
  const embed = link.embed === true;
  const hidden = new Set<Hideable>(embed ? ['settings', 'add'] : []);
  for (const part of link.hide ?? []) hidden.add(part);
  const shown = new Set<Hideable>();
  for (const part of link.show ?? []) {
    hidden.delete(part);
    shown.add(part);
  }
  const layout: EmbedLayout = link.layout ?? 'auto';
  const refusedOrigin = link.refusedOrigin ?? null;
  return {
    embed,
    hidden,
    shown,
    layout,
    origin: refusedOrigin === null ? (link.origin ?? null) : null,
    refusedOrigin,
  };
}

/** The parts hidden in the layout in use: the slide layout adds SLIDE_HIDDEN, less what `show=` names. */
export function hiddenParts(params: EmbedParams, slide: boolean): ReadonlySet<Hideable> {
  if (!slide) return params.hidden;
  const hidden = new Set(params.hidden);
  for (const part of SLIDE_HIDDEN) if (!params.shown.has(part)) hidden.add(part);
  return hidden;
}
