// Where a line has gaps: d3's line().defined() leaves them, but a point with no defined neighbour then
// draws nothing at all, so the charts mark such isolated points with a dot (e.g. the first snapshot).

/** Finite and positive: what a log axis can place. */
export const onLogAxis = (v: number): boolean => v > 0 && v < Infinity;

/** Indices i where defined(i) holds but neither neighbour is defined. */
export function isolatedIndices(length: number, defined: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < length; i++) {
    if (defined(i) && !(i > 0 && defined(i - 1)) && !(i + 1 < length && defined(i + 1))) out.push(i);
  }
  return out;
}
