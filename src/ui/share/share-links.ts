// The link and the <iframe> snippet for the current experiment (pure; tested).

import type { Hideable } from '../../state/embed/embed-params';
import type { UrlState } from '../../state/url/codec';
import { encodeState } from '../../state/url/codec';

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

/** The app's address with the experiment in its query (base: the page's URL without query/hash). */
export function shareLink(base: string, state: UrlState, extra: Record<string, string> = {}): string {
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  const query = encodeState(state);
  const params = new URLSearchParams(extra);
  const more = params.toString();
  const search = [query, more].filter(Boolean).join('&');
  return `${url.href}${search ? `?${search}` : ''}`;
}

export function embedLink(base: string, state: UrlState, options: ShareOptions): string {
  const extra: Record<string, string> = { embed: '1' };
  if (options.hide.length) extra.hide = options.hide.join(',');
  if (options.origin.trim()) extra.origin = options.origin.trim();
  if (options.layout === 'full') extra.layout = 'full';
  return shareLink(base, state, extra);
}

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function iframeSnippet(
  src: string,
  options: Pick<ShareOptions, 'width' | 'height'>,
  title: string,
): string {
  return `<iframe src="${escapeAttribute(src)}" width="${options.width}" height="${options.height}" style="border:0" title="${escapeAttribute(title)}" loading="lazy"></iframe>`;
}
