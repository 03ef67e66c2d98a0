// The first screen teaches before the first click: a page opened with no interaction trains a first
// stretch of its scene, then pauses with a note ("trained 100 steps to show the contrast — press ▶ Play
// to continue"). The stretch is a fixed number of steps taken as plain step commands, never a time, so a
// link opened twice shows the same numbers. With prefers-reduced-motion nothing moves by itself: the
// page says "press ▶ Play to train" instead. No tfjs here.

import type { Scene } from '../engine/scenes';

/** What the first screen does before anyone clicks. */
export type Opening = 'warm-up' | 'prompt';

/** Shown while the first screen is untouched; any command that drives training clears it. */
export type FirstScreen =
  | { phase: 'warming'; target: number }
  | { phase: 'warmed'; target: number }
  | { phase: 'prompt' };

/** The most steps a warm-up takes (the Figure 1 scene: 100 steps, a few seconds on two cores). */
export const MAX_WARMUP_STEPS = 100;

/**
 * How far a scene warms up: a third of the steps its headless run takes (the contrast is drawn after
 * the first step; the rest shows it settle), at most MAX_WARMUP_STEPS, in whole snapshot intervals.
 */
export function warmupSteps(scene: Pick<Scene, 'defaultSteps' | 'snapshotEvery'>): number {
  const every = Math.max(1, Math.round(scene.snapshotEvery));
  const third = Math.min(MAX_WARMUP_STEPS, Math.round(scene.defaultSteps / 3));
  return Math.max(every, Math.round(third / every) * every);
}

/**
 * The step commands of a warm-up from step 0 to `target`: one step first (the A-LR fields exist from
 * step 1, so the contrast is drawn at once), then up to the scene's snapshot cadence, then whole
 * intervals. Each command ends with a snapshot and a fresh test evaluation.
 */
export function warmupChunks(target: number, snapshotEvery: number): number[] {
  const every = Math.max(1, Math.round(snapshotEvery));
  const chunks: number[] = [];
  let at = 0;
  while (at < target) {
    const next = at === 0 ? 1 : Math.min(target, (Math.floor(at / every) + 1) * every);
    chunks.push(next - at);
    at = next;
  }
  return chunks;
}

/** The page's own wish: prefers-reduced-motion asks for nothing to move until a click. */
export function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' &&
    (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false)
  );
}
