// Types for spread.mjs, which the bench page's TypeScript uses too.
export interface Spread {
  n: number;
  min: number;
  median: number;
  max: number;
}
export declare function medianOf(xs: readonly number[]): number;
export declare function spreadOf(xs: readonly number[]): Spread;
