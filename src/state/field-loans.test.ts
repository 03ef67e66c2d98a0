import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunSnapshot, Snapshot } from '../engine/session/snapshot-types';
import { HeatmapRenderer } from '../ui/heatmap/heatmap-renderer';
import { FieldHistory } from './field-history';
import { FieldLoans, fieldArraysOf, fieldLoans } from './field-loans';
import { createTrainingStore } from './training-store';

const flushed = () => new Promise((resolve) => setTimeout(resolve, 0));

function run(runId: string, alr: Float32Array, shown = alr): RunSnapshot {
  return {
    runId,
    label: runId,
    step: 10,
    trainLoss: 1,
    alrStats: { min: 1, p1: 1, p25: 1, p50: 1, p75: 1, p99: 1, max: 1 },
    alr,
    shown: { kind: 'adaptiveRate', values: shown },
  } as unknown as RunSnapshot;
}

function snapshot(step: number, runs: RunSnapshot[]): Snapshot {
  return { step, backend: 'wasm', taskTitle: 'task', runs: runs.map((r) => ({ ...r, step })) };
}

describe('FieldLoans', () => {
  it('gives a lent buffer back once its last hold is released, in one message with the others', async () => {
    const back = vi.fn();
    const loans = new FieldLoans(back);
    const a = new Float32Array(4);
    const b = new Float32Array(4);
    loans.lend([a, b]);
    loans.hold(a);
    loans.release(a);
    loans.release(b);
    await flushed();
    expect(back).toHaveBeenCalledTimes(1);
    expect(back).toHaveBeenCalledWith([b.buffer]);
    loans.release(a);
    await flushed();
    expect(back).toHaveBeenLastCalledWith([a.buffer]);
    expect(loans.holdsOn(a)).toBe(0);
  });

  it('ignores arrays it never lent, and releases past zero', async () => {
    const back = vi.fn();
    const loans = new FieldLoans(back);
    const stranger = new Float32Array(4);
    loans.hold(stranger);
    loans.release(stranger);
    const a = new Float32Array(4);
    loans.lend([a]);
    loans.release(a);
    loans.release(a);
    await flushed();
    expect(back).toHaveBeenCalledTimes(1);
    expect(back).toHaveBeenCalledWith([a.buffer]);
  });

  it('lists a snapshot field once per buffer: the A-LR when it is also the field on screen, every seed', () => {
    const alr = new Float32Array(3);
    const other = new Float32Array(3);
    const seed = new Float32Array(3);
    const first = run('a', alr);
    const s: Snapshot = {
      ...snapshot(1, [first, run('b', other, new Float32Array(other.buffer))]),
      seedRuns: [[first], [run('a', seed)]],
    };
    expect(fieldArraysOf(s)).toEqual([alr, other, seed]);
    expect(fieldArraysOf(s)[1]).toBe(other);
  });
});

describe('the page hands snapshot fields back', () => {
  afterEach(() => fieldLoans.connect(null));

  it('from the store once two newer snapshots have arrived and the field history has quantised it', async () => {
    const back = vi.fn();
    fieldLoans.connect(back);
    const t = createTrainingStore();
    const fields = [0, 1, 2, 3, 4].map(() => new Float32Array(8).fill(2));
    fields.forEach((f, i) => {
      t.receiveSnapshot(snapshot(10 * (i + 1), [run('a', f)]));
    });
    await flushed();
    const returned = back.mock.calls.flat(2) as ArrayBuffer[];
    // Held by the store: the last three. The field history keeps its newest frame as floats.
    expect(returned).toEqual([fields[0]?.buffer, fields[1]?.buffer]);
    for (const f of fields.slice(2)) expect(fieldLoans.holdsOn(f)).toBeGreaterThan(0);
  });

  it('not while a heatmap renderer shows it', async () => {
    const back = vi.fn();
    fieldLoans.connect(back);
    const renderer = new HeatmapRenderer();
    renderer.resize([{ slice: { name: 'w', shape: [2, 2], offset: 0, size: 4 } } as never]);
    const shown = new Float32Array(4).fill(3);
    fieldLoans.lend([shown]);
    renderer.update({ run: run('a', shown), domain: [1, 10], aggregate: 'max' } as never);
    fieldLoans.release(shown); // the store's hold ends
    await flushed();
    expect(back).not.toHaveBeenCalled();
    const next = new Float32Array(4).fill(4);
    fieldLoans.lend([next]);
    renderer.update({ run: run('a', next), domain: [1, 10], aggregate: 'max' } as never);
    await flushed();
    expect(back).toHaveBeenCalledWith([shown.buffer]);
    renderer.dispose();
    fieldLoans.release(next);
    await flushed();
    expect(back).toHaveBeenLastCalledWith([next.buffer]);
  });

  it('not while the field history still holds it as floats', async () => {
    const back = vi.fn();
    fieldLoans.connect(back);
    const history = new FieldHistory(4, 8);
    const field = new Float32Array(4).fill(5);
    fieldLoans.lend([field]);
    history.push(10, field);
    fieldLoans.release(field);
    await flushed();
    expect(back).not.toHaveBeenCalled(); // the newest frame stays floats
    history.push(20, new Float32Array(4).fill(6));
    await flushed(); // the flush quantises the older frame
    expect(back).toHaveBeenCalledWith([field.buffer]);
    expect(history.series(0)[0]).toBeGreaterThan(4); // still readable, from its bytes
  });
});
