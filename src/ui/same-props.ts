// A React.memo comparison for components fed from snapshots: every snapshot arrives as fresh objects
// (structured clone from the worker), so a spec or a domain is a new object with the same contents.
// Props are equal when each value is identical or, for arrays and plain objects, equal one level deep.

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (!Array.isArray(a) && Object.getPrototypeOf(a) !== Object.prototype) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function sameProps<P extends object>(prev: Readonly<P>, next: Readonly<P>): boolean {
  const keys = Object.keys(prev) as (keyof P)[];
  if (keys.length !== Object.keys(next).length) return false;
  return keys.every((k) => sameValue(prev[k], next[k]));
}
