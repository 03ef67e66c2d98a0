// What the self-check reports, case by case. No tfjs: the page's verify panel imports these types.

export interface SelfCheckCase {
  id: string;
  maxParamAbsErr: number;
  maxAlrRelErr: number;
  passed: boolean;
  /** Every step of the case ran the backend's fused update kernel (not the tf-ops fallback). */
  fused: boolean;
}

export interface SelfCheckReport {
  backend: string;
  passed: boolean;
  cases: SelfCheckCase[];
  /** tf.memory().numTensors after minus before the check (must be 0). */
  tensorsLeaked: number;
  /** Every step of every case ran the fused kernel (false on a backend without one: still correct, slower). */
  fusedKernel: boolean;
  /** Tensors or data buffers gained from step 5 to step 60 while an optimizer trains (must be 0). */
  stepLeak: number;
}
