// The project's one seeded generator. The engine derives its data, weight and batch streams from it
// (engine/random.ts); tests and benchmarks use it directly so that a failure or a measurement reproduces.

/** mulberry32: a tiny, fast 32-bit generator, uniform in [0, 1). The seed is used as given (mod 2³²). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
