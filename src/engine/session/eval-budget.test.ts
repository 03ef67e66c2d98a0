import { describe, expect, it } from 'vitest';
import { EVAL_SHARE, EvalBudget } from './eval-budget';

describe('EvalBudget', () => {
  it('evaluates first, then only once the evaluation is at most EVAL_SHARE of the time since', async () => {
    let now = 0;
    const budget = new EvalBudget(() => now);
    expect(budget.due()).toBe(true);
    await budget.timed(async () => {
      now += 10; // an evaluation that takes 10 ms
    });
    now += 10 / EVAL_SHARE - 1;
    expect(budget.due()).toBe(false);
    now += 1;
    expect(budget.due()).toBe(true);
    budget.restart();
    expect(budget.due()).toBe(true);
  });
});
