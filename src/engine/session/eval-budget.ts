// While training plays, a snapshot's test evaluation (1,000 MNIST images, a decision-boundary grid, a
// text sample) costs as much as several training steps. In steady state it is run only when it fits a
// budget: its cost at most EVAL_SHARE of the time since the last evaluation; in between, snapshots repeat
// the last evaluation (and say at which step it was taken).
//
// Early on, the time budget alone is wrong twice over: the first evaluation on a backend includes its
// one-off kernel compiles (seconds on a software GPU), and the network changes fastest in its first steps,
// so a step-0 test accuracy beside a network trained for 150 steps is exactly the number that misleads.
// So an evaluation is also due once the steps since the last one reach that one's step (evaluations at
// steps ≥ EARLY_FIRST_STEP, then about ×2 apart: 5, 10, 20, 40, …): a shown test number is never older
// than half the current step. That adds only log2(step) evaluations, so the share stays within the budget
// in steady state. Step 0, paused snapshots and headless experiments always evaluate (their numbers must
// not depend on timing).

/** The most of the training time that evaluations may take while playing (steady state). */
export const EVAL_SHARE = 0.04;

/** The first step at which a playing session re-evaluates after a step-0 evaluation. */
export const EARLY_FIRST_STEP = 5;

export class EvalBudget {
  private lastEnd = Number.NEGATIVE_INFINITY;
  private cost = 0;
  /** The step of the last evaluation (null before the first). */
  private lastStep: number | null = null;

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** Whether a budgeted snapshot at `step` should evaluate now. */
  due(step: number): boolean {
    if (this.lastStep === null || this.lastEnd === Number.NEGATIVE_INFINITY) return true;
    if (step - this.lastStep >= Math.max(EARLY_FIRST_STEP, this.lastStep)) return true;
    return this.cost <= EVAL_SHARE * (this.clock() - this.lastEnd);
  }

  /** Times `evaluate` (the snapshot that includes it, taken at `step`) as the cost of one evaluation. */
  async timed<T>(step: number, evaluate: () => Promise<T>): Promise<T> {
    const start = this.clock();
    const result = await evaluate();
    const end = this.clock();
    this.cost = end - start;
    this.lastEnd = end;
    this.lastStep = step;
    return result;
  }

  /** A new start (reset, new task, new backend): the next snapshot evaluates. */
  restart(): void {
    this.lastEnd = Number.NEGATIVE_INFINITY;
    this.cost = 0;
    this.lastStep = null;
  }
}
