// STYLE.md "state outside React, redraw when dirty": a chart subscribes to the training store itself and
// repaints in the next animation frame when a new snapshot arrived — never more than once a frame, and
// without a React render per snapshot.
import { useEffect, useRef } from 'react';
import { training } from '../../state/app-state';
import type { TrainingState } from '../../state/training-store';
import { cancelDraw, requestDraw } from '../frame-queue';
import { languageStore } from '../i18n/language';

/**
 * Calls draw(state) in an animation frame now, whenever the store's snapshot changes, and whenever
 * `key` changes (size, props), and when the UI language changes (the renderers word their titles and
 * labels with `t()` at draw time). The latest draw function is always used.
 */
export function useStoreRedraw(draw: (state: TrainingState) => void, key: string): void {
  const latest = useRef(draw);
  latest.current = draw;
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame !== 0) return;
      frame = requestDraw(() => {
        frame = 0;
        latest.current(training.store.getState());
      });
    };
    // The key is why this effect re-runs: redraw once for the new size / props.
    void key;
    schedule();
    const unsubscribe = training.store.subscribe((state, previous) => {
      if (state.snapshot !== previous.snapshot || state.history !== previous.history) schedule();
    });
    const unsubscribeLanguage = languageStore.subscribe(schedule);
    return () => {
      unsubscribe();
      unsubscribeLanguage();
      cancelDraw(frame);
    };
  }, [key]);
}
