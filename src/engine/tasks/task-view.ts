// What a task shows in the task view at a snapshot (decision boundary, optimizer paths, digits, a text
// sample), decoded from the readback. No tfjs: the page imports it through the snapshot types.

/** One task's view data, by kind. */
export type TaskView =
  | {
      kind: 'boundary';
      gridSize: number;
      extent: [number, number, number, number];
      classes: number;
      probabilities: Float32Array;
      points: Float32Array;
      labels: Uint8Array;
    }
  | {
      kind: 'trajectory';
      surface: string;
      extent: [number, number, number, number];
      minimum: [number, number];
      points: Float32Array;
    }
  | { kind: 'digits'; images: Uint8Array; labels: Uint8Array; predictions: Uint8Array }
  | { kind: 'text'; sample: string }
  | { kind: 'none' };
