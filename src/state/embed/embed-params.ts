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
}

export function readEmbedParams(search: string): EmbedParams {
  const params = new URLSearchParams(search);
  const embed = params.get('embed') === '1';
  const hidden = new Set<Hideable>(embed ? ['settings', 'add'] : []);
  for (const part of (params.get('hide') ?? '').split(',')) {
    if ((HIDEABLE as readonly string[]).includes(part)) hidden.add(part as Hideable);
  }
  for (const part of (params.get('show') ?? '').split(',')) hidden.delete(part as Hideable);
  let origin: string | null = null;
  const raw = params.get('origin');
  if (raw) {
    try {
      origin = new URL(raw).origin;
    } catch {
      origin = null;
    }
  }
  return { embed, hidden, origin };
}
