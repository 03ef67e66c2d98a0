// Lets the page that embeds Anisoscope drive it (docs/embed.md): commands come only from the parent
// window (and only from `?origin=` when given; an invalid `origin=` silences the API altogether); the
// state goes back to it after each snapshot
// (at most four times a second) and in answer to getState.

import { sceneById } from '../../engine/scenes';
import type { Snapshot } from '../../engine/session/snapshot-types';
import type { TrainingController } from '../training-controller';
import type { TrainingStore } from '../training-store';
import { type EmbedState, parseEmbedMessage, SOURCE } from './messages';

export interface EmbedApiOptions {
  controller: TrainingController;
  training: TrainingStore;
  onScene: (id: string) => void;
  sceneId: () => string;
  origin: string | null;
  /** `origin=` named something that is not an origin: answer no parent at all (fail closed). */
  originRefused?: boolean;
}

/** Posts to the parent; never throws (a closed or navigated-away parent, a target it cannot take). */
function post(parent: Window, message: unknown, target: string): void {
  try {
    parent.postMessage(message, target);
  } catch {
    // Nothing to tell: the parent cannot hear us, which is all a failed post means here.
  }
}

const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);

export function embedState(snapshot: Snapshot | null, scene: string, playing: boolean): EmbedState {
  return {
    source: SOURCE,
    type: 'state',
    scene,
    step: snapshot?.step ?? 0,
    playing,
    runs: (snapshot?.runs ?? []).map((r) => ({
      id: r.runId,
      label: r.label,
      optimizer: r.spec.name,
      lr: r.spec.lr,
      softplusBeta: r.spec.softplusBeta,
      eps: r.spec.eps,
      ordersOfMagnitude: finite(r.ordersOfMagnitude),
      alrMin: finite(r.alrStats.min),
      alrMax: finite(r.alrStats.max),
      trainLoss: finite(r.trainLoss),
      accuracy: finite(r.accuracy),
      divergedAt: r.divergedAt,
    })),
  };
}

export function startEmbedApi({
  controller,
  training,
  onScene,
  sceneId,
  origin,
  originRefused = false,
}: EmbedApiOptions): () => void {
  const parent = window.parent;
  if (parent === window) return () => undefined; // not embedded: nobody to talk to
  if (originRefused) return () => undefined; // neither obey nor tell anyone (the app shows a notice)
  const target = origin ?? '*';
  const state = () => {
    const s = training.store.getState();
    return embedState(s.snapshot, sceneId(), s.status?.playing ?? false);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== parent || (origin !== null && event.origin !== origin)) return;
    const command = parseEmbedMessage(event.data);
    if (!command) return;
    switch (command.type) {
      case 'load':
        if (sceneById(command.scene)) onScene(command.scene);
        return;
      case 'play':
        return void controller.play();
      case 'pause':
        return void controller.pause();
      case 'step':
        return void controller.step(command.count);
      case 'reset':
        return void controller.reset();
      case 'setSpec':
        return void controller.setSpec(command.runId, command.spec);
      case 'getState':
        // An opaque parent (sandboxed, data:) has origin 'null', which is no valid target: '*' then.
        post(parent, state(), origin ?? (event.origin === 'null' ? '*' : event.origin));
        return;
    }
  };

  let last = 0;
  let pending: ReturnType<typeof setTimeout> | null = null;
  const send = () => {
    pending = null;
    last = performance.now();
    post(parent, state(), target);
  };
  const unsubscribe = training.store.subscribe((s, prev) => {
    if (s.snapshot === prev.snapshot && s.status?.playing === prev.status?.playing) return;
    const wait = 250 - (performance.now() - last);
    if (wait <= 0) send();
    else pending ??= setTimeout(send, wait);
  });
  window.addEventListener('message', onMessage);
  return () => {
    window.removeEventListener('message', onMessage);
    unsubscribe();
    if (pending) clearTimeout(pending);
  };
}
