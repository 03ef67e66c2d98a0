// The training loop's state as the UI sees it (no tfjs).
export interface TrainerStatus {
  playing: boolean;
  step: number;
  stepsPerTick: number;
  snapshotEvery: number;
}
