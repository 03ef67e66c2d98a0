// Auto's measured backend rates, kept in localStorage by task shape for this browser (issue #12): a
// returning visitor's Auto chooses at once instead of measuring again. The browser's user agent is part
// of the key (a new browser or GPU driver measures afresh). No tfjs here; storage may be missing or full.
import type { BackendRate } from '../engine/auto-choice';

const STORAGE_KEY = 'anisoscope.backendRates.v1';
/** Shapes kept (the most recent first): a handful of scenes and edited tasks. */
const MAX_SHAPES = 24;

interface Stored {
  userAgent: string;
  byShape: [string, BackendRate[]][];
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // access denied (sandboxed frame, privacy settings)
  }
}

function userAgent(): string {
  return typeof navigator === 'undefined' ? '' : navigator.userAgent;
}

function read(): Stored | null {
  try {
    const parsed = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? 'null') as Stored | null;
    if (!parsed || parsed.userAgent !== userAgent() || !Array.isArray(parsed.byShape)) return null;
    return parsed;
  } catch {
    return null;
  }
}

/** Every shape measured earlier in this browser. */
export function knownRates(): Record<string, BackendRate[]> {
  return Object.fromEntries(read()?.byShape ?? []);
}

/** Remembers one shape's rates (the newest first; the oldest dropped past MAX_SHAPES). */
export function rememberRates(shapeKey: string, rates: BackendRate[]): void {
  const kept = (read()?.byShape ?? []).filter(([key]) => key !== shapeKey);
  const next: Stored = {
    userAgent: userAgent(),
    byShape: [[shapeKey, rates] as [string, BackendRate[]], ...kept].slice(0, MAX_SHAPES),
  };
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Full or refused: the worker still has them for this session.
  }
}
