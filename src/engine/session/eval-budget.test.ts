import { describe, expect, it } from 'vitest';
import { EARLY_FIRST_STEP, EVAL_SHARE, EvalBudget } from './eval-budget';

/** A budget on a fake clock, whose evaluations each take `cost` ms. */
function harness(cost: number) {
  let now = 0;
  const budget = new EvalBudget(() => now);
  const evaluate = (step: number) =>
    budget.timed(step, async () => {
      now += cost;
    });
  return {
    budget,
    evaluate,
    wait: (ms: number) => {
      now += ms;
    },
  };
}

describe('EvalBudget', () => {
  it('evaluates first, then (in steady state) once the evaluation is at most EVAL_SHARE of the time since', async () => {
    const { budget, evaluate, wait } = harness(10);
    expect(budget.due(0)).toBe(true);
    await evaluate(1000);
    wait(10 / EVAL_SHARE - 1);
    expect(budget.due(1010)).toBe(false);
    wait(1);
    expect(budget.due(1010)).toBe(true);
    budget.restart();
    expect(budget.due(1010)).toBe(true);
  });

  it('re-evaluates a step-0 evaluation within the first few steps, however costly it was', async () => {
    // A first evaluation that compiled kernels for two seconds would hold the time budget for 50 s.
    const { budget, evaluate, wait } = harness(2000);
    await evaluate(0);
    wait(100);
    for (let step = 1; step < EARLY_FIRST_STEP; step++) expect(budget.due(step)).toBe(false);
    expect(budget.due(EARLY_FIRST_STEP)).toBe(true);
  });

  it('backs off geometrically: a shown evaluation is never older than half the current step', async () => {
    const { budget, evaluate, wait } = harness(2000); // the time budget never fires in this test
    const evaluatedAt: number[] = [];
    await evaluate(0);
    for (let step = 1; step <= 200; step++) {
      wait(1);
      if (budget.due(step)) {
        evaluatedAt.push(step);
        await evaluate(step);
      }
      const last = evaluatedAt.at(-1) ?? 0;
      if (step >= EARLY_FIRST_STEP) expect(last).toBeGreaterThanOrEqual(step / 2);
    }
    expect(evaluatedAt).toEqual([5, 10, 20, 40, 80, 160]);
  });

  it('keeps the time budget in steady state: the early schedule adds only logarithmically many evaluations', async () => {
    const cost = 20;
    const msPerStep = 10;
    const { budget, evaluate, wait } = harness(cost);
    await evaluate(0);
    let evaluations = 0;
    const steps = 20_000;
    for (let step = 1; step <= steps; step++) {
      wait(msPerStep);
      if (budget.due(step)) {
        evaluations++;
        await evaluate(step);
      }
    }
    const trainingMs = steps * msPerStep;
    const share = (evaluations * cost) / (trainingMs + evaluations * cost);
    expect(share).toBeLessThanOrEqual(EVAL_SHARE * 1.05);
  });
});
