import { describe, expect, it } from 'vitest';
import type { RunSnapshot, Snapshot } from '../engine/session/snapshot-types';
import { runIndexOf, runOf } from './run-selectors';
import type { TrainingState } from './training-store';

const run = (runId: string) => ({ runId }) as RunSnapshot;
const state = (snapshot: Snapshot | null) => ({ snapshot }) as TrainingState;

describe('run selectors', () => {
  it("find a run of the latest snapshot and its position, or say it's not there", () => {
    const s = state({ runs: [run('adam'), run('sadam')] } as Snapshot);
    expect(runIndexOf(s, 'sadam')).toBe(1);
    expect(runOf(s, 'sadam')?.runId).toBe('sadam');
    expect(runIndexOf(s, 'yogi')).toBe(-1);
    expect(runOf(s, 'yogi')).toBeNull();
    expect(runIndexOf(state(null), 'adam')).toBe(-1);
    expect(runOf(state(null), 'adam')).toBeNull();
  });
});
