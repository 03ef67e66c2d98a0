// Every hyperparameter of one run, live: its label, lr, β1, β2, ε, softplus β (log slider 1…1000),
// weight decay and convention. A change takes effect at the next step; a bad value is refused next to its field.

import { errorMessage } from '../engine/error-message';
import { RULES } from '../optim/rules';
import type { OptimizerSpec, OptimizerSpecInput } from '../optim/spec';
import { resolveSpec } from '../optim/spec';
import { controller } from '../state/app-state';
import { type StringKey, useT } from './i18n';
import { LabelField } from './label-field';
import { LogSlider } from './log-slider';
import { NumberField } from './number-field';
import { PhiField } from './phi-field';

type NumericKey = 'lr' | 'beta1' | 'beta2' | 'eps' | 'softplusBeta' | 'weightDecay';

/** Symbols stay as they are; words come from the string table. */
const LABELS: Record<NumericKey, string | { key: StringKey }> = {
  lr: { key: 'spec.lr' },
  beta1: 'β1',
  beta2: 'β2',
  eps: 'ε',
  softplusBeta: { key: 'spec.softplusBeta' },
  weightDecay: { key: 'spec.weightDecay' },
};

/** Null when `key = value` makes a valid spec, else the reason (from the optimizer library itself). */
export function specProblem(spec: OptimizerSpec, key: NumericKey, value: number): string | null {
  try {
    resolveSpec({ ...spec, [key]: value } as OptimizerSpecInput);
    return null;
  } catch (err) {
    return errorMessage(err);
  }
}

export function SpecEditor({ runId, spec }: { runId: string; spec: OptimizerSpec }) {
  const rule = RULES[spec.name];
  const t = useT();
  const label = (key: NumericKey) => {
    const l = LABELS[key];
    return typeof l === 'string' ? l : t(l.key);
  };
  const set = (partial: Partial<OptimizerSpecInput>) => void controller.setSpec(runId, partial);
  const keys: NumericKey[] = ['lr', 'beta1'];
  if (rule.secondMoment !== 'none') keys.push('beta2');
  if (rule.denominator === 'sqrt-eps' || rule.denominator === 'padam') keys.push('eps');
  keys.push('weightDecay');
  return (
    <div className="spec-editor" data-testid={`spec-editor-${runId}`}>
      <LabelField runId={runId} />
      {keys.map((key) => (
        <NumberField
          key={key}
          label={label(key)}
          value={spec[key]}
          testId={`${key}-${runId}`}
          validate={(v) => {
            const reason = specProblem(spec, key, v);
            return reason === null ? null : t('spec.invalid', { reason });
          }}
          onCommit={(v) => set({ [key]: v })}
        />
      ))}
      {rule.denominator === 'softplus' && (
        <LogSlider
          label={t('spec.softplusBeta')}
          value={spec.softplusBeta}
          min={1}
          max={1000}
          testId={`softplusBeta-${runId}`}
          onChange={(v) => set({ softplusBeta: v })}
        />
      )}
      {rule.denominator === 'custom' && (
        <PhiField runId={runId} phi={spec.phi} onCommit={(phi) => set({ phi })} />
      )}
      {rule.biasCorrected && (
        <label className="field">
          <span>{t('spec.convention')}</span>
          <select
            data-testid={`convention-${runId}`}
            value={spec.convention}
            onChange={(e) => set({ convention: e.target.value as OptimizerSpec['convention'] })}
          >
            <option value="official">{t('spec.conventionOfficial')}</option>
            <option value="textbook">{t('spec.conventionTextbook')}</option>
          </select>
        </label>
      )}
    </div>
  );
}
