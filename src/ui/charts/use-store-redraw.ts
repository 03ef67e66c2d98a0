// State outside React, redraw when dirty (docs/ARCHITECTURE.md): a chart or a run's heatmaps subscribe to
// the training store and repaint in the next animation frame when a new snapshot arrived — never more
// than once a frame, without a React render per snapshot, and not at all while the tab is hidden
// (src/ui/page-visibility.ts). The one redraw mechanism of the live pictures.
import { useCallback, useEffect, useRef } from 'react';
import { training } from '../../state/app-state';
import type { TrainingState } from '../../state/training-store';
import { languageStore } from '../i18n/language';
import { createFrameLoop, type FrameLoop } from '../page-visibility';

/**
 * How often at most the charts over time (A-LR and loss curves, the A-LR histogram) redraw while
 * snapshots stream in: ten times a second moves their lines as smoothly as the eye follows them, at a
 * third of the page's drawing work at thirty snapshots a second (issue #12's long tasks). The heatmaps
 * draw every snapshot.
 */
export const CHART_REDRAW_MS = 100;

/**
 * Calls draw(state) in an animation frame now, whenever the store's snapshot changes, and whenever
 * `key` changes (size, props), and when the UI language changes (the renderers word their titles and
 * labels with `t()` at draw time). The latest draw function is always used. Returns a function that
 * asks for one more draw (for a change the key does not cover). `minIntervalMs`: at most one draw per
 * that long; the last request is always drawn.
 */
export function useStoreRedraw(
  draw: (state: TrainingState) => void,
  key: string,
  minIntervalMs = 0,
): () => void {
  const latest = useRef(draw);
  latest.current = draw;
  const loop = useRef<FrameLoop | null>(null);
  useEffect(() => {
    // Nothing is drawn while the tab is hidden; one draw with the latest state when it is shown.
    const frames = createFrameLoop(() => latest.current(training.store.getState()), minIntervalMs);
    loop.current = frames;
    // The key is why this effect re-runs: redraw once for the new size / props.
    void key;
    void minIntervalMs;
    frames.request();
    const unsubscribe = training.store.subscribe((state, previous) => {
      if (state.snapshot !== previous.snapshot || state.history !== previous.history) frames.request();
    });
    const unsubscribeLanguage = languageStore.subscribe(() => frames.request());
    return () => {
      unsubscribe();
      unsubscribeLanguage();
      frames.dispose();
      loop.current = null;
    };
  }, [key, minIntervalMs]);
  return useCallback(() => loop.current?.request(), []);
}
