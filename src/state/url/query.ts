// Query strings split by hand (URLSearchParams would decode a run's value before it could be split),
// percent-coding helpers, and the list of notices a decode collects.
import { shortenInput } from '../echo';

import { MAX_NOTICES } from './schema';
import type { UrlNotice } from './url-notices';

/** One `key=value` of a query string: the key decoded, the value as written (still percent-encoded). */
export interface RawParam {
  key: string;
  raw: string;
}

/** Splits a query string (with or without '?') into pairs; keys are decoded, values are not. */
export function splitQuery(search: string): RawParam[] {
  const text = search.startsWith('?') ? search.slice(1) : search;
  const out: RawParam[] = [];
  for (const segment of text.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const key = decodePart(eq < 0 ? segment : segment.slice(0, eq));
    if (key === null || key === '') continue;
    out.push({ key, raw: eq < 0 ? '' : segment.slice(eq + 1) });
  }
  return out;
}

/** Lone UTF-16 surrogates (which `encodeURIComponent` throws on). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with each lone surrogate replaced by U+FFFD. */
const wellFormed = (text: string) => text.replace(LONE_SURROGATE, '\uFFFD');

/**
 * Percent-decoding as forms do it ('+' is a space); null for broken escapes. A lone surrogate typed
 * into the address as it is becomes U+FFFD, so every decoded value can be written back.
 */
export function decodePart(raw: string): string | null {
  try {
    return wellFormed(decodeURIComponent(raw.replace(/\+/g, ' ')));
  } catch {
    return null;
  }
}

/**
 * Percent-encodes what a query value must not contain, keeping `:` `,` `=` readable. Never throws: a
 * value echoed from a malformed link (a refused origin) may hold a lone surrogate.
 */
export function encodeValue(text: string): string {
  return encodeURIComponent(wellFormed(text)).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/** A user's value as a notice carries it: cut short so that a huge input cannot flood the page. */
export const show = shortenInput;

/** What a decode changed or dropped, each once, at most MAX_NOTICES of them (then one count). */
export class Notices {
  readonly list: UrlNotice[] = [];
  private readonly seen = new Set<string>();
  private dropped = 0;
  add(notice: UrlNotice): void {
    const key = JSON.stringify(notice);
    if (this.seen.has(key)) return;
    if (this.list.length < MAX_NOTICES) {
      this.list.push(notice);
      this.seen.add(key);
    } else this.dropped++;
  }
  done(): UrlNotice[] {
    return this.dropped > 0 ? [...this.list, { kind: 'urlMore', count: this.dropped }] : this.list;
  }
}
