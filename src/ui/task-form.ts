// Task settings as the drawer edits them: parse and check the model-size text and batch size, and
// build the TaskConfig to send (pure; tested).

import {
  ACTIVATIONS,
  type Activation,
  DEFAULT_TASKS,
  TASK_KINDS as KINDS,
  MAX_BATCH_SIZE,
  MAX_HIDDEN_LAYERS,
  MAX_HIDDEN_UNITS,
  RECURRENT_CELLS,
  type RecurrentCell,
  SURFACES,
  type SurfaceName,
  splitLayerSizes,
  type TaskConfig,
  type TaskKind,
} from '../engine/tasks/configs';
import { DATASETS_2D, type Dataset2dName } from '../engine/tasks/datasets-2d';
import { SURFACE_DEFINITIONS } from '../engine/tasks/surface-defs';
import { type StringKey, t } from './i18n';
import { EN } from './i18n/strings-en';

export type { TaskKind };

/** Each surface's classic start (read from the one tfjs-free surface definition). */
export const SURFACE_STARTS: Record<SurfaceName, [number, number]> = Object.fromEntries(
  SURFACES.map((name) => [name, SURFACE_DEFINITIONS[name].start]),
) as Record<SurfaceName, [number, number]>;
/** The drawer's task choices: the engine's kinds, each with its name's string key. */
export const TASK_KINDS: { kind: TaskKind; label: StringKey }[] = KINDS.map((kind) => ({
  kind,
  label: `task.${kind}` as const,
}));

/** A 2-D data set's name for people (the value sent to the engine stays the plain name). */
export function datasetName(name: Dataset2dName | 'custom'): string {
  return named(`dataset.${name}`, name);
}

/** A loss surface's name for people. */
export function surfaceName(name: SurfaceName): string {
  return named(`surface.${name}`, name);
}

function named(key: string, fallback: string): string {
  return key in EN ? t(key as StringKey) : fallback;
}

export type { Activation, Dataset2dName, RecurrentCell, SurfaceName };
export { ACTIVATIONS, DATASETS_2D, RECURRENT_CELLS, SURFACES };

/** The char-LM cells' names for people, with their gates (the heatmaps' block labels). */
export const CELL_LABELS: Record<RecurrentCell, StringKey> = {
  gru: 'drawer.cellGru',
  lstm: 'drawer.cellLstm',
};

/** "128, 64" → [128, 64]; a reason when it is not 1–4 layer sizes of 1–1024 units. */
export function parseHidden(text: string): number[] | string {
  const parts = splitLayerSizes(text);
  if (parts.length === 0 || parts.length > MAX_HIDDEN_LAYERS) return t('task.hiddenCount');
  const sizes = parts.map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_HIDDEN_UNITS)) return t('task.hiddenUnits');
  return sizes;
}

export function checkBatchSize(value: number): string | null {
  return Number.isInteger(value) && value >= 1 && value <= MAX_BATCH_SIZE ? null : t('task.batchSize');
}

export function defaultTask(kind: TaskKind): TaskConfig {
  return DEFAULT_TASKS[kind];
}

export function describeTask(task: TaskConfig): string {
  switch (task.kind) {
    case 'mnist':
      return task.model === 'cnn'
        ? t('task.describeCnn')
        : t('task.describeMlp', { hidden: task.hidden.join('-') });
    case 'classify2d':
      if (task.dataset === 'custom')
        return t('task.describeCustom', {
          points: task.points?.labels.length ?? task.trainSize,
          hidden: task.hidden.join('-'),
        });
      return t('task.describe2d', { dataset: datasetName(task.dataset), hidden: task.hidden.join('-') });
    case 'surface':
      return t('task.describeSurface', { surface: surfaceName(task.surface) });
    case 'charlm':
      return t('task.describeCharlm', {
        cell: (task.cell ?? 'gru').toUpperCase(),
        hidden: String(task.hidden),
      });
  }
}
