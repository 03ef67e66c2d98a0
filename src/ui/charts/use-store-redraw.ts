// State outside React, redraw when dirty (docs/ARCHITECTURE.md): a chart subscribes to the training store itself and
// repaints in the next animation frame when a new snapshot arrived — never more than once a frame,
// without a React render per snapshot, and not at all while the tab is hidden (src/ui/page-visibility.ts).
import { useEffect, useRef } from 'react';
import { training } from '../../state/app-state';
import type { TrainingState } from '../../state/training-store';
import { languageStore } from '../i18n/language';
import { createFrameLoop } from '../page-visibility';

/**
 * Calls draw(state) in an animation frame now, whenever the store's snapshot changes, and whenever
 * `key` changes (size, props), and when the UI language changes (the renderers word their titles and
 * labels with `t()` at draw time). The latest draw function is always used.
 */
export function useStoreRedraw(draw: (state: TrainingState) => void, key: string): void {
  const latest = useRef(draw);
  latest.current = draw;
  useEffect(() => {
    // Nothing is drawn while the tab is hidden; one draw with the latest state when it is shown.
    const loop = createFrameLoop(() => latest.current(training.store.getState()));
    // The key is why this effect re-runs: redraw once for the new size / props.
    void key;
    loop.request();
    const unsubscribe = training.store.subscribe((state, previous) => {
      if (state.snapshot !== previous.snapshot || state.history !== previous.history) loop.request();
    });
    const unsubscribeLanguage = languageStore.subscribe(() => loop.request());
    return () => {
      unsubscribe();
      unsubscribeLanguage();
      loop.dispose();
    };
  }, [key]);
}
