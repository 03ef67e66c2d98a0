// Loads the chosen scene once the engine has a backend, and exposes the training store to components.
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { ExperimentConfig } from '../engine/experiment';
import { sceneById } from '../engine/scenes';
import { controller, training } from '../state/app-state';
import type { TrainingState } from '../state/training-store';

/**
 * Loads `sceneId` once the engine is ready, and again whenever it changes. The first load may use
 * `initial` — the experiment a shared link describes — instead of the scene's own.
 */
export function useSceneLoader(
  sceneId: string,
  engineReady: boolean,
  initial?: ExperimentConfig | null,
): void {
  const loaded = useRef<string | null>(null);
  const pendingOverride = useRef(initial ?? null);
  useEffect(() => {
    const scene = sceneById(sceneId);
    if (!engineReady || !scene || loaded.current === sceneId) return;
    loaded.current = sceneId;
    const override = pendingOverride.current;
    pendingOverride.current = null;
    void controller.loadScene(override ? { ...scene, experiment: override } : scene);
  }, [sceneId, engineReady]);
}

export function useTraining<T>(select: (state: TrainingState) => T): T {
  return useStore(training.store, select);
}
