// The tour in the address bar: `?tour=1&step=N` (1-based) opens it at step N. Pure string work, so
// it is tested in Node; the component reads location.search and writes with history.replaceState.

export interface TourLocation {
  open: boolean;
  /** 0-based, always within [0, count - 1]. */
  index: number;
}

/** Whether `search` asks for the tour, and at which step (bad or missing values clamp into range). */
export function parseTourParams(search: string, count: number): TourLocation {
  const params = new URLSearchParams(search);
  const open = params.get('tour') === '1';
  return { open, index: clampStep(params.get('step'), count) - 1 };
}

/** A 1-based step from a URL value: integers are clamped to [1, count]; anything else is 1. */
export function clampStep(raw: string | null, count: number): number {
  const last = Math.max(1, Math.floor(count));
  if (raw === null || !/^\s*[+-]?\d+\s*$/.test(raw)) return 1;
  const n = Number(raw);
  return Math.min(last, Math.max(1, n));
}

/** `href` with `tour=1&step=N` set (index 0-based), or with both removed when index is null. */
export function withTourParams(href: string, index: number | null): string {
  const url = new URL(href);
  if (index === null) {
    url.searchParams.delete('tour');
    url.searchParams.delete('step');
  } else {
    url.searchParams.set('tour', '1');
    url.searchParams.set('step', String(index + 1));
  }
  return url.toString();
}
