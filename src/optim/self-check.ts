// PLACEHOLDER being written by the optimizer author; the signature is final.
export interface SelfCheckCase {
  id: string;
  maxParamAbsErr: number;
  maxAlrRelErr: number;
  passed: boolean;
}
export interface SelfCheckReport {
  backend: string;
  passed: boolean;
  cases: SelfCheckCase[];
  /** tf.memory().numTensors after minus before the check (must be 0). */
  tensorsLeaked: number;
}
/** Runs the optimizers on the current tfjs backend against the golden / float64 reference (async reads only). */
export async function runSelfCheck(): Promise<SelfCheckReport> {
  throw new Error('not yet');
}
