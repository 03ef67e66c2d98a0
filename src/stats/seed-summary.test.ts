import { describe, expect, it } from 'vitest';
import { accuracyCells, lossCells, seedVerdict, summarizeFinals } from './seed-summary';

describe('final numbers over seeds', () => {
  it('summarizes accuracy, test and train loss as spreads, diverged seeds counted apart', () => {
    const s = summarizeFinals('adam', 'Adam', [
      { accuracy: 0.9, testLoss: 0.3, trainLoss: 0.2, diverged: false },
      { accuracy: 0.94, testLoss: 0.25, trainLoss: 0.1, diverged: false },
      { accuracy: 0.1, testLoss: Number.NaN, trainLoss: Number.NaN, diverged: true },
    ]);
    expect(s.seedCount).toBe(3);
    expect(s.diverged).toBe(1);
    expect(s.accuracy?.n).toBe(3);
    expect(s.testLoss).toMatchObject({ n: 2, nonFinite: 1, min: 0.25, max: 0.3 });
    expect(s.trainLoss.mean).toBeCloseTo(0.15, 12);
    expect(
      accuracyCells(summarizeFinals('a', 'a', [{ accuracy: 0.9, trainLoss: 1, diverged: false }]).accuracy),
    ).toEqual(['90.00 ± 0.00', '90.00–90.00']);
    expect(lossCells(s.testLoss)).toEqual(['0.2750 ± 0.0354', '0.2500–0.3000']);
    expect(summarizeFinals('x', 'x', [{ trainLoss: 1, diverged: false }]).accuracy).toBeUndefined();
  });
});

describe('who is ahead, from the numbers alone', () => {
  it('names a leader only when it beats every other optimizer on every seed', () => {
    expect(
      seedVerdict(
        ['A', 'B'],
        [
          [0.93, 0.92, 0.94],
          [0.91, 0.9, 0.93],
        ],
        'accuracy',
      ),
    ).toEqual({
      kind: 'ahead',
      leader: 'A',
      seeds: 3,
      metric: 'accuracy',
    });
    // Higher mean, but B wins seed 2: no winner.
    expect(
      seedVerdict(
        ['A', 'B'],
        [
          [0.95, 0.95, 0.9],
          [0.91, 0.9, 0.93],
        ],
        'accuracy',
      ).kind,
    ).toBe('none');
    // Loss: lower is better.
    expect(
      seedVerdict(
        ['A', 'B', 'C'],
        [
          [0.3, 0.3, 0.3],
          [0.2, 0.25, 0.2],
          [0.4, 0.5, 0.3],
        ],
        'loss',
      ),
    ).toMatchObject({
      kind: 'ahead',
      leader: 'B',
    });
    // A tie on one seed is not "ahead".
    expect(
      seedVerdict(
        ['A', 'B'],
        [
          [0.9, 0.95, 0.95],
          [0.9, 0.9, 0.9],
        ],
        'accuracy',
      ).kind,
    ).toBe('none');
  });

  it('gives no verdict on fewer than 3 seeds, one optimizer, or a non-finite number', () => {
    expect(seedVerdict(['A', 'B'], [[0.9], [0.8]], 'accuracy').kind).toBe('tooFew');
    // Two seeds: winning both happens one time in four by chance.
    expect(
      seedVerdict(
        ['A', 'B'],
        [
          [0.9, 0.9],
          [0.8, 0.8],
        ],
        'accuracy',
      ).kind,
    ).toBe('tooFew');
    expect(seedVerdict(['A'], [[0.9, 0.8, 0.7]], 'accuracy').kind).toBe('tooFew');
    expect(
      seedVerdict(
        ['A', 'B'],
        [
          [0.9, Number.NaN, 0.9],
          [0.8, 0.7, 0.7],
        ],
        'accuracy',
      ).kind,
    ).toBe('tooFew');
  });
});
