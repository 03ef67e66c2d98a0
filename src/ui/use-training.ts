// Loads the chosen scene once the engine has a backend, and exposes the training store to components.
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { ExperimentConfig } from '../engine/experiment';
import { sceneById } from '../engine/scenes';
import { controller, training } from '../state/app-state';
import type { TrainingState } from '../state/training-store';
import { prefersReducedMotion } from '../state/warm-up';

/**
 * Loads `sceneId` once the engine is ready, and again whenever it changes. The first load may use
 * `initial` — the experiment a shared link describes — instead of the scene's own. The first scene
 * (the default one or the one a link names, embedded or not) warms up by itself, or with
 * prefers-reduced-motion asks for a click (state/warm-up.ts); scenes chosen later wait at step 0.
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
    const first = loaded.current === null;
    loaded.current = sceneId;
    const override = pendingOverride.current;
    pendingOverride.current = null;
    const opening = first ? (prefersReducedMotion() ? 'prompt' : 'warm-up') : undefined;
    void controller.loadScene(override ? { ...scene, experiment: override } : scene, opening);
  }, [sceneId, engineReady]);
}

export function useTraining<T>(select: (state: TrainingState) => T): T {
  return useStore(training.store, select);
}
