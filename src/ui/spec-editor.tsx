// Every hyperparameter of one run, live: lr, β1, β2, ε, softplus β (log slider 1…1000), weight decay
// and convention. A change takes effect at the next step; a bad value is refused next to its field.

import { RULES } from '../optim/rules';
import type { OptimizerSpec, OptimizerSpecInput } from '../optim/spec';
import { resolveSpec } from '../optim/spec';
import { controller } from '../state/app-state';
import { LogSlider } from './log-slider';
import { NumberField } from './number-field';

type NumericKey = 'lr' | 'beta1' | 'beta2' | 'eps' | 'softplusBeta' | 'weightDecay';

const LABELS: Record<NumericKey, string> = {
  lr: 'lr',
  beta1: 'β1',
  beta2: 'β2',
  eps: 'ε',
  softplusBeta: 'β (softplus)',
  weightDecay: 'weight decay',
};

/** Null when `key = value` makes a valid spec, else the reason (from the optimizer library itself). */
export function specProblem(spec: OptimizerSpec, key: NumericKey, value: number): string | null {
  try {
    resolveSpec({ ...spec, [key]: value } as OptimizerSpecInput);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export function SpecEditor({ runId, spec }: { runId: string; spec: OptimizerSpec }) {
  const rule = RULES[spec.name];
  const set = (partial: Partial<OptimizerSpecInput>) => void controller.setSpec(runId, partial);
  const keys: NumericKey[] = ['lr', 'beta1'];
  if (rule.secondMoment !== 'none') keys.push('beta2');
  if (rule.denominator === 'sqrt-eps' || rule.denominator === 'padam') keys.push('eps');
  keys.push('weightDecay');
  return (
    <div className="spec-editor" data-testid={`spec-editor-${runId}`}>
      {keys.map((key) => (
        <NumberField
          key={key}
          label={LABELS[key]}
          value={spec[key]}
          testId={`${key}-${runId}`}
          validate={(v) => specProblem(spec, key, v)}
          onCommit={(v) => set({ [key]: v })}
        />
      ))}
      {rule.denominator === 'softplus' && (
        <LogSlider
          label="β (softplus)"
          value={spec.softplusBeta}
          min={1}
          max={1000}
          testId={`softplusBeta-${runId}`}
          onChange={(v) => set({ softplusBeta: v })}
        />
      )}
      {rule.biasCorrected && (
        <label className="field">
          <span>convention</span>
          <select
            data-testid={`convention-${runId}`}
            value={spec.convention}
            onChange={(e) => set({ convention: e.target.value as OptimizerSpec['convention'] })}
          >
            <option value="official">official (authors’ code: bias in the step)</option>
            <option value="textbook">textbook (Kingma–Ba: v̂ in the denominator)</option>
          </select>
        </label>
      )}
    </div>
  );
}
