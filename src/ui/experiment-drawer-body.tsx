// The experiment drawer's body (see experiment-drawer.tsx): everything that is not a run's hyperparameter: task and model, batch size, seeds, and what the
// heatmaps show. Task and model changes restart training, and the drawer says so before you apply.
import { useEffect, useState } from 'react';
import type { FieldKind } from '../engine/session/snapshot-types';
import type { TaskConfig } from '../engine/tasks/configs';
import { customClassify2d, DEFAULT_CLASSIFY_2D } from '../engine/tasks/configs';
import { controller, training } from '../state/app-state';
import { CsvDrop } from './csv/csv-drop';
import { type StringKey, useT } from './i18n';
import { NumberField } from './number-field';
import { SeedCountField } from './seeds/seed-count-field';
import {
  ACTIVATIONS,
  type Activation,
  CELL_LABELS,
  checkBatchSize,
  DATASETS_2D,
  type Dataset2dName,
  datasetName,
  defaultTask,
  parseHidden,
  RECURRENT_CELLS,
  type RecurrentCell,
  SURFACE_STARTS,
  SURFACES,
  type SurfaceName,
  surfaceName,
  TASK_KINDS,
  type TaskKind,
} from './task-form';
import { useTraining } from './use-training';
import './i18n/later-strings'; // drawer.* (strings-en-later.ts)

export const SHOWN_FIELDS: { kind: FieldKind; label: StringKey }[] = [
  { kind: 'adaptiveRate', label: 'field.adaptiveRateLong' },
  { kind: 'effectiveStep', label: 'field.effectiveStepLong' },
  { kind: 'sqrtSecondMoment', label: 'field.sqrtSecondMoment' },
  { kind: 'absFirstMoment', label: 'field.absFirstMoment' },
];

const SEED_LABELS = {
  data: 'drawer.seedData',
  init: 'drawer.seedInit',
  batches: 'drawer.seedBatches',
} as const;

/** The drawer's fields and actions (loaded after first paint: the drawer starts closed). */
export default function DrawerBody() {
  const experiment = useTraining((s) => s.experiment);
  const shownField = useTraining((s) => s.shownField);
  const sharedScale = useTraining((s) => s.sharedScale);
  const aggregate = useTraining((s) => s.aggregate);
  const t = useT();
  const [draft, setDraft] = useState<TaskConfig | null>(experiment?.task ?? null);
  const [hiddenText, setHiddenText] = useState('');
  const [hiddenError, setHiddenError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(experiment?.task ?? null);
    const task = experiment?.task;
    setHiddenText(
      task && (task.kind === 'mnist' || task.kind === 'classify2d') ? task.hidden.join(', ') : '',
    );
    setHiddenError(null);
  }, [experiment?.task]);
  if (!experiment || !draft) return null;
  const seeds = experiment.seeds;

  const changed = JSON.stringify(draft) !== JSON.stringify(experiment.task);
  const update = (patch: Partial<TaskConfig>) => setDraft({ ...draft, ...patch } as TaskConfig);
  return (
    <>
      <div className="drawer__grid">
        <label className="field">
          <span>{t('drawer.shownField')}</span>
          <select
            data-testid="shown-field"
            value={shownField}
            onChange={(e) => void controller.setShownField(e.target.value as FieldKind)}
          >
            {SHOWN_FIELDS.map((f) => (
              <option key={f.kind} value={f.kind}>
                {t(f.label)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('drawer.colourScale')}</span>
          <select
            data-testid="shared-scale"
            value={sharedScale ? 'shared' : 'own'}
            onChange={(e) => training.setView({ sharedScale: e.target.value === 'shared' })}
          >
            <option value="shared">{t('drawer.scaleShared')}</option>
            <option value="own">{t('drawer.scaleOwn')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('drawer.aggregate')}</span>
          <select
            data-testid="aggregate"
            value={aggregate}
            onChange={(e) => training.setView({ aggregate: e.target.value as 'max' | 'min' | 'mean' })}
          >
            <option value="max">{t('drawer.aggMax')}</option>
            <option value="min">{t('drawer.aggMin')}</option>
            <option value="mean">{t('drawer.aggMean')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('drawer.task')}</span>
          <select
            data-testid="task-kind"
            value={draft.kind}
            onChange={(e) => {
              const next = defaultTask(e.target.value as TaskKind);
              setDraft(next);
              setHiddenText('hidden' in next && Array.isArray(next.hidden) ? next.hidden.join(', ') : '');
            }}
          >
            {TASK_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {t(k.label)}
              </option>
            ))}
          </select>
        </label>
        {draft.kind === 'classify2d' && (
          <label className="field">
            <span>{t('drawer.dataset')}</span>
            <select
              data-testid="task-dataset"
              value={draft.dataset}
              onChange={(e) => update({ dataset: e.target.value as Dataset2dName })}
            >
              {DATASETS_2D.map((d) => (
                <option key={d} value={d}>
                  {datasetName(d)}
                </option>
              ))}
              <option value="custom" disabled={draft.dataset !== 'custom'}>
                {t('drawer.customDataset')}
              </option>
            </select>
          </label>
        )}
        {draft.kind === 'surface' && (
          <label className="field">
            <span>{t('drawer.surface')}</span>
            <select
              data-testid="task-surface"
              value={draft.surface}
              onChange={(e) => update({ surface: e.target.value as SurfaceName })}
            >
              {SURFACES.map((d) => (
                <option key={d} value={d}>
                  {surfaceName(d)}
                </option>
              ))}
            </select>
          </label>
        )}
        {draft.kind === 'surface' &&
          ([0, 1] as const).map((axis) => (
            <NumberField
              key={axis}
              label={t(axis === 0 ? 'drawer.startX' : 'drawer.startY')}
              value={draft.start?.[axis] ?? SURFACE_STARTS[draft.surface][axis]}
              testId={`task-start-${axis === 0 ? 'x' : 'y'}`}
              validate={(v) => (Math.abs(v) <= 10 ? null : t('drawer.startRange'))}
              onCommit={(v) => {
                const start: [number, number] = [...(draft.start ?? SURFACE_STARTS[draft.surface])];
                start[axis] = v;
                update({ start });
              }}
            />
          ))}
        {draft.kind === 'mnist' && (
          <label className="field">
            <span>{t('drawer.model')}</span>
            <select
              data-testid="task-model"
              value={draft.model}
              onChange={(e) => update({ model: e.target.value as 'mlp' | 'cnn' })}
            >
              <option value="mlp">{t('drawer.modelMlp')}</option>
              <option value="cnn">{t('drawer.modelCnn')}</option>
            </select>
          </label>
        )}
        {(draft.kind === 'classify2d' || (draft.kind === 'mnist' && draft.model === 'mlp')) && (
          <div className="number-field">
            <label htmlFor="hidden-sizes">{t('drawer.hidden')}</label>
            <input
              id="hidden-sizes"
              data-testid="task-hidden"
              value={hiddenText}
              aria-invalid={hiddenError !== null}
              onChange={(e) => {
                setHiddenText(e.target.value);
                const parsed = parseHidden(e.target.value);
                setHiddenError(typeof parsed === 'string' ? parsed : null);
                if (typeof parsed !== 'string') update({ hidden: parsed });
              }}
            />
            {hiddenError && (
              <span className="field-error" role="alert" data-testid="task-hidden-error">
                {hiddenError}
              </span>
            )}
          </div>
        )}
        {(draft.kind === 'classify2d' || draft.kind === 'mnist') && (
          <label className="field">
            <span>{t('drawer.activation')}</span>
            <select
              data-testid="task-activation"
              value={draft.activation}
              onChange={(e) => update({ activation: e.target.value as Activation })}
            >
              {ACTIVATIONS.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </label>
        )}
        {draft.kind === 'charlm' && (
          <label className="field">
            <span>{t('drawer.cell')}</span>
            <select
              data-testid="task-cell"
              value={draft.cell ?? 'gru'}
              onChange={(e) => update({ cell: e.target.value as RecurrentCell })}
            >
              {RECURRENT_CELLS.map((cell) => (
                <option key={cell} value={cell}>
                  {t(CELL_LABELS[cell])}
                </option>
              ))}
            </select>
          </label>
        )}
        {draft.kind !== 'surface' && (
          <NumberField
            label={t('drawer.batchSize')}
            value={draft.batchSize}
            testId="task-batch"
            validate={checkBatchSize}
            onCommit={(v) => update({ batchSize: v })}
          />
        )}
        {(['data', 'init', 'batches'] as const).map((key) => (
          <NumberField
            key={key}
            label={t(SEED_LABELS[key])}
            value={seeds[key]}
            testId={`seed-${key}`}
            validate={(v) => (Number.isInteger(v) && v >= 0 && v < 2 ** 31 ? null : t('drawer.seedInvalid'))}
            onCommit={(v) => void controller.reseed({ ...seeds, [key]: v })}
          />
        ))}
        <SeedCountField experiment={experiment} />
      </div>
      <CsvDrop
        onPoints={(points) => {
          const base = experiment.task.kind === 'classify2d' ? experiment.task : DEFAULT_CLASSIFY_2D;
          void controller.setTask(customClassify2d(points, base));
        }}
      />
      <div className="drawer__actions">
        <button
          type="button"
          className="button"
          data-testid="apply-task"
          disabled={!changed || hiddenError !== null}
          onClick={() => void controller.setTask(draft)}
        >
          {t('drawer.apply')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          data-testid="new-seeds"
          onClick={() => {
            const next = (n: number) => (n * 7919 + 13) % 100_000;
            void controller.reseed({
              data: next(seeds.data),
              init: next(seeds.init),
              batches: next(seeds.batches),
            });
          }}
        >
          {t('drawer.newSeeds')}
        </button>
      </div>
    </>
  );
}
