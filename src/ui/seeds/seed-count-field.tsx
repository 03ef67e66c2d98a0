// The experiment drawer's seed count (issue #15): every run trains on 1–5 seeds at once. Counts over the
// model-size budget (parameters × runs × seeds, engine/model-size.ts) are listed but disabled, and say so.
import { useId } from 'react';
import type { ExperimentConfig } from '../../engine/experiment';
import { seedCountOf } from '../../engine/experiment';
import { maxSeedsWithinBudget } from '../../engine/model-size';
import { MAX_SEED_REPEATS } from '../../engine/random';
import { controller } from '../../state/app-state';
import { useT } from '../i18n';

export function SeedCountField({ experiment }: { experiment: ExperimentConfig }) {
  const t = useT();
  const hintId = useId();
  const count = seedCountOf(experiment);
  const max = maxSeedsWithinBudget(experiment);
  const counts = Array.from({ length: MAX_SEED_REPEATS }, (_, i) => i + 1);
  return (
    <label className="field">
      <span>{t('drawer.seedCount')}</span>
      <select
        data-testid="seed-count"
        value={count}
        aria-describedby={hintId}
        onChange={(e) => void controller.setSeedCount(Number(e.target.value))}
      >
        {counts.map((n) => (
          <option key={n} value={n} disabled={n > max && n !== count}>
            {t(n > max ? 'drawer.seedCountOver' : 'drawer.seedCountOption', { n: String(n) })}
          </option>
        ))}
      </select>
      <small id={hintId} className="field__hint">
        {t('drawer.seedCountHint', { max: String(Math.max(1, max)) })}
      </small>
    </label>
  );
}
