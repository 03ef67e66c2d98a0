// What the page shows besides the training itself and the address bar names: the scene on screen, the
// backend asked for, and the language a link or the picker named. A zustand store outside React, so that
// the scene picker, the shortcuts, the tour, a parent page (embed API) and the URL writer share one value.
import { createStore } from 'zustand/vanilla';
import type { BackendPreference } from '../engine/protocol';
import type { Language } from './url/schema';

export interface PageState {
  /** The scene on screen: a link's, then the picker's, a shortcut's, the tour's or a parent page's. */
  sceneId: string;
  /** The backend the link or the picker asks for. */
  backend: BackendPreference;
  /** The language a link or the language picker named; null: the browser's (no `lang=` is written). */
  language: Language | null;
}

export function createPageStore(initial: PageState) {
  const store = createStore<PageState>(() => ({ ...initial }));
  return {
    store,
    setScene(sceneId: string): void {
      store.setState({ sceneId });
    },
    setBackend(backend: BackendPreference): void {
      store.setState({ backend });
    },
    setLanguage(language: Language): void {
      store.setState({ language });
    },
  };
}

export type PageStore = ReturnType<typeof createPageStore>;
