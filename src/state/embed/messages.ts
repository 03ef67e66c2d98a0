// The postMessage API for slide decks that embed Anisoscope (docs/embed.md). Every message is
// validated here; anything else is ignored. Pure: no DOM.

import { FORMULA_LIMITS } from '../../optim/formula/parse';
import { isOptimizerName, type OptimizerSpecInput } from '../../optim/spec';

export const SOURCE = 'anisoscope';

export type EmbedCommand =
  | { type: 'load'; scene: string }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; count: number }
  | { type: 'reset' }
  | { type: 'setSpec'; runId: string; spec: Partial<OptimizerSpecInput> }
  | { type: 'getState' };

export interface EmbedRunState {
  id: string;
  label: string;
  optimizer: string;
  lr: number;
  softplusBeta: number;
  eps: number;
  ordersOfMagnitude: number | null;
  alrMin: number | null;
  alrMax: number | null;
  trainLoss: number | null;
  accuracy: number | null;
  divergedAt: number | null;
}

export interface EmbedState {
  source: typeof SOURCE;
  type: 'state';
  scene: string;
  step: number;
  playing: boolean;
  runs: EmbedRunState[];
}

const SPEC_NUMBERS = [
  'lr',
  'beta1',
  'beta2',
  'eps',
  'softplusBeta',
  'weightDecay',
  'partial',
  'finalLr',
  'gamma',
] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A partial spec with only known keys of the right type (values are range-checked by the engine). */
function parseSpec(value: unknown): Partial<OptimizerSpecInput> | null {
  if (!isRecord(value)) return null;
  const spec: Partial<OptimizerSpecInput> = {};
  for (const key of SPEC_NUMBERS) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    spec[key] = v;
  }
  if (value.name !== undefined) {
    if (!isOptimizerName(value.name)) return null;
    spec.name = value.name;
  }
  if (value.convention !== undefined) {
    if (value.convention !== 'official' && value.convention !== 'textbook') return null;
    spec.convention = value.convention;
  }
  // The custom rule's φ formula: a string of bounded length here; the library parses and checks it.
  if (value.phi !== undefined) {
    if (typeof value.phi !== 'string' || value.phi.length > FORMULA_LIMITS.length) return null;
    spec.phi = value.phi;
  }
  return Object.keys(spec).length > 0 ? spec : null;
}

const ID = /^[\w-]{1,40}$/;

/** The command a message carries, or null for anything that is not a well-formed Anisoscope command. */
export function parseEmbedMessage(data: unknown): EmbedCommand | null {
  if (!isRecord(data) || data.source !== SOURCE || typeof data.type !== 'string') return null;
  switch (data.type) {
    case 'play':
    case 'pause':
    case 'reset':
    case 'getState':
      return { type: data.type };
    case 'step': {
      const count = data.count === undefined ? 1 : data.count;
      return typeof count === 'number' && Number.isInteger(count) && count >= 1 && count <= 1000
        ? { type: 'step', count }
        : null;
    }
    case 'load':
      return typeof data.scene === 'string' && ID.test(data.scene)
        ? { type: 'load', scene: data.scene }
        : null;
    case 'setSpec': {
      const spec = parseSpec(data.spec);
      return typeof data.runId === 'string' && ID.test(data.runId) && spec
        ? { type: 'setSpec', runId: data.runId, spec }
        : null;
    }
    default:
      return null;
  }
}
