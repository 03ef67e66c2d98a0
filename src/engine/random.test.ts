import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

describe('the engine streams', () => {
  it("keeps the engine's streams exactly as before it became the one owner (links reproduce)", () => {
    // Values of the engine's former private copy, so that every scene trains on the same data, weights
    // and batches as links made before.
    const r = createRandom(1);
    const s = createRandom(42);
    expect([r(), r(), r(), s(), s()]).toEqual([
      0.18967728852294385, 0.31778763560578227, 0.7830808095168322, 0.4813160905614495, 0.9852536325342953,
    ]);
  });
});
