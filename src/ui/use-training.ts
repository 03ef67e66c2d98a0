// Loads the chosen scene once the engine has a backend, and exposes the training store to components.
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { sceneById } from '../engine/scenes';
import { controller, training } from '../state/app-state';
import type { TrainingState } from '../state/training-store';

export function useSceneLoader(sceneId: string, engineReady: boolean): void {
  const loaded = useRef<string | null>(null);
  useEffect(() => {
    const scene = sceneById(sceneId);
    if (!engineReady || !scene || loaded.current === sceneId) return;
    loaded.current = sceneId;
    void controller.loadScene(scene);
  }, [sceneId, engineReady]);
}

export function useTraining<T>(select: (state: TrainingState) => T): T {
  return useStore(training.store, select);
}
