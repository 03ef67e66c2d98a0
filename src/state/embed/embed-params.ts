// ?embed=1 and its options: which parts to hide, and which parent origin may drive the app.

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
] as const;
export type Hideable = (typeof HIDEABLE)[number];

export interface EmbedParams {
  embed: boolean;
  /** Parts not shown. Embed mode hides the settings drawer and the add-run button by default. */
  hidden: ReadonlySet<Hideable>;
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

export function readEmbedParams(search: string): EmbedParams {
  const params = new URLSearchParams(search);
  const embed = params.get('embed') === '1';
  const hidden = new Set<Hideable>(embed ? ['settings', 'add'] : []);
  for (const part of (params.get('hide') ?? '').split(',')) {
    if ((HIDEABLE as readonly string[]).includes(part)) hidden.add(part as Hideable);
  }
  for (const part of (params.get('show') ?? '').split(',')) hidden.delete(part as Hideable);
  const raw = params.get('origin');
  if (raw === null || raw.trim() === '') return { embed, hidden, origin: null, refusedOrigin: null };
  const origin = parseOrigin(raw);
  return { embed, hidden, origin, refusedOrigin: origin === null ? raw : null };
}
