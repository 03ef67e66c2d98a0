// Installs the lecture shortcuts on the window. A guided tour that is open owns the arrow keys.
import { useEffect } from 'react';
import { SCENES } from '../engine/scenes';
import { controller, training } from '../state/app-state';
import { isTypingTarget, type ShortcutAction, shortcutFor } from './shortcuts';
import { tourStore } from './tour/tour-store';

export interface ShortcutHandlers {
  onScene: (id: string) => void;
  toggleSheet: () => void;
  closeSheet: () => void;
  togglePresent: () => void;
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  useEffect(() => {
    const run = (action: ShortcutAction) => {
      const { status, firstScreen } = training.store.getState();
      const playing = (status?.playing ?? false) || firstScreen?.phase === 'warming';
      switch (action.kind) {
        case 'playPause':
          return void (playing ? controller.pause() : controller.play());
        case 'step':
          return void (playing ? undefined : controller.step());
        case 'reset':
          return void controller.reset();
        case 'scene': {
          const scene = SCENES[action.index];
          if (scene) handlers.onScene(scene.id);
          return;
        }
        case 'sheet':
          return handlers.toggleSheet();
        case 'present':
          return handlers.togglePresent();
        case 'close':
          return handlers.closeSheet();
      }
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const action = shortcutFor(event);
      if (!action) return;
      if (action.kind === 'step' && tourStore.getState().open) return; // the tour's own ← →
      // Space on a focused button would click it as well: the shortcut wins.
      if (action.kind === 'playPause' || action.kind === 'step') event.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handlers]);
}
