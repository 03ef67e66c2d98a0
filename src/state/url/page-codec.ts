// The page's own keys (schema.ts, PAGE_PARAMS: tour, language, presentation, embedding, test hooks), read
// from a link and written back, one generic loop over the rows. Never throws: a bad value is dropped or
// clamped with a notice; a refused `origin=` is kept as it was written, so the app fails closed.
import type { Notices } from './query';
import { show } from './query';
import { PAGE_PARAMS, type UrlPage } from './schema';

/** The first value of a key, decoded (undefined when absent or badly encoded). */
export type GetParam = (key: string) => { raw: string; text: string } | undefined;

/** What the link's page keys say; undefined when it names none of them. */
export function readPage(get: GetParam, notices: Notices): UrlPage | undefined {
  const page: Record<string, unknown> = {};
  for (const row of PAGE_PARAMS) {
    const p = get(row.key);
    // An empty value says nothing (`lang=` is the browser's language, `origin=` any parent).
    if (!p || p.text.trim() === '') continue;
    const parsed = row.type.parse(p.text);
    if (!parsed.ok) {
      if (row.field === 'origin')
        page.refusedOrigin = p.text; // the app shows its own notice
      else notices.add({ kind: 'urlValue', key: row.key, text: show(p.text), problem: parsed.problem });
      continue;
    }
    if (parsed.note)
      notices.add({
        kind: 'urlValue',
        key: row.key,
        text: show(p.text),
        problem: parsed.note,
        using: row.type.format(parsed.value),
      });
    page[row.field] = parsed.value;
  }
  return Object.keys(page).length > 0 ? (page as UrlPage) : undefined;
}

/** Writes every page field that is set, in the schema's order (a refused origin as it was written). */
export function writePage(page: UrlPage, push: (key: string, value: string) => void): void {
  const fields = page as Record<string, unknown>;
  for (const row of PAGE_PARAMS) {
    if (row.field === 'origin' && page.refusedOrigin !== undefined) {
      push(row.key, page.refusedOrigin);
      continue;
    }
    const value = fields[row.field];
    if (value !== undefined && row.type.accepts(value)) push(row.key, row.type.format(value));
  }
}
