// While training plays, a snapshot's test evaluation (1,000 MNIST images, a decision-boundary grid, a
// text sample) costs as much as several training steps. It is run only when it fits a budget: its cost
// at most EVAL_SHARE of the time since the last evaluation; in between, snapshots repeat the last
// evaluation (and say at which step it was taken). Step 0, paused snapshots and headless experiments
// always evaluate (their numbers must not depend on timing).

/** The most of the training time that evaluations may take while playing. */
export const EVAL_SHARE = 0.04;

export class EvalBudget {
  private lastEnd = Number.NEGATIVE_INFINITY;
  private cost = 0;

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** Whether a budgeted snapshot should evaluate now. */
  due(): boolean {
    if (this.lastEnd === Number.NEGATIVE_INFINITY) return true;
    return this.cost <= EVAL_SHARE * (this.clock() - this.lastEnd);
  }

  /** Times `evaluate` (the snapshot that includes it) as the cost of one evaluation. */
  async timed<T>(evaluate: () => Promise<T>): Promise<T> {
    const start = this.clock();
    const result = await evaluate();
    const end = this.clock();
    this.cost = end - start;
    this.lastEnd = end;
    return result;
  }

  /** A new start (reset, new task, new backend): the next snapshot evaluates. */
  restart(): void {
    this.lastEnd = Number.NEGATIVE_INFINITY;
    this.cost = 0;
  }
}
