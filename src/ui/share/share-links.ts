// The link and the <iframe> snippet for the current experiment (pure; tested).

import { type Hideable, parseOrigin } from '../../state/embed/embed-params';
import { encodeState, type UrlPage, type UrlState } from '../../state/url/codec';

export interface ShareOptions {
  /** Parts the embedded copy hides (see docs/embed.md). */
  hide: Hideable[];
  width: number;
  height: number;
  /** Only this origin may drive the embedded copy (empty: any parent). */
  origin: string;
  /** 'full': never the slide layout, even in a wide frame (default 'auto'; see docs/embed.md). */
  layout?: 'auto' | 'full';
}

/** The app's address with the state in its query (base: the page's URL without query/hash). */
export function shareLink(base: string, state: UrlState): string {
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  const query = encodeState(state);
  return `${url.href}${query ? `?${query}` : ''}`;
}

/** The link with the embed keys, written by the schema's own rows like every other key. */
export function embedLink(base: string, state: UrlState, options: ShareOptions): string {
  const page: UrlPage = { ...state.page, embed: true };
  if (options.hide.length) page.hide = [...options.hide];
  // Only an origin is written (normalised); anything else is refused where it is typed (share-dialog.tsx).
  const origin = parseOrigin(options.origin.trim());
  if (origin) page.origin = origin;
  if (options.layout === 'full') page.layout = 'full';
  return shareLink(base, { ...state, page });
}

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function iframeSnippet(
  src: string,
  options: Pick<ShareOptions, 'width' | 'height'>,
  title: string,
): string {
  return `<iframe src="${escapeAttribute(src)}" width="${options.width}" height="${options.height}" style="border:0" title="${escapeAttribute(title)}" loading="lazy"></iframe>`;
}
