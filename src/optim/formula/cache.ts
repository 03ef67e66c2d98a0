// Parsed φ formulas by text: the optimizer reads its spec's φ at every step, and a spec only carries
// formulas that resolveSpec already checked. A few entries suffice (one per run in an experiment).

import { compileFormula } from './evaluate';
import type { ParsedFormula } from './parse';

const MAX_ENTRIES = 32;
const cache = new Map<string, ParsedFormula>();

/** The checked, parsed formula for `text` (throws FormulaError if it is refused). */
export function compiledPhi(text: string): ParsedFormula {
  let parsed = cache.get(text);
  if (!parsed) {
    parsed = compileFormula(text);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(text, parsed);
  }
  return parsed;
}
