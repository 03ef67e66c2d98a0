// Builds a task from its config. Tasks whose data ship as files (MNIST, text) load them lazily
// through the injected asset loader, only when chosen.

import type { Seeds } from '../random';
import { type Classify2dConfig, createClassify2d } from './classify-2d';
import { createSurfaceTask, type SurfaceConfig } from './surfaces';
import type { Task } from './task';

export type TaskConfig = Classify2dConfig | SurfaceConfig;

export type AssetLoader = (relativePath: string) => Promise<ArrayBuffer>;

export async function createTask(config: TaskConfig, seeds: Seeds, _loader?: AssetLoader): Promise<Task> {
  switch (config.kind) {
    case 'classify2d':
      return createClassify2d(config, seeds);
    case 'surface':
      return createSurfaceTask(config);
  }
}
