// How a parameter tensor is structured, as plain data for the visualizer (no tfjs: the UI imports it).
// The engine states the structure; the heatmaps decide how to draw it (ui/heatmap/arrange.ts).

export type ParamDisplay =
  /** [tileRows·tileCols, units]: each unit's weights form an image (MNIST's first layer: 28×28). */
  | { kind: 'tiles'; tileRows: number; tileCols: number }
  /** A conv kernel [kH, kW, inChannels, filters]: one kH×kW filter per (input channel, filter). */
  | { kind: 'conv' }
  /**
   * A recurrent layer's kernel [inputs, G·units] or bias [G·units] whose last axis holds G gates'
   * blocks of `units` columns, in the order named (GRU: z, r, h).
   */
  | { kind: 'gates'; gates: readonly string[] };
