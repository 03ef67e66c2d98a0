// Several seeds (issue #15): which seed the heatmaps, the readouts and the task view show. The charts
// keep drawing the mean over all seeds. The choice lives in the training store (showSeed), so every
// view that reads `snapshot.runs` follows it without knowing about seeds.
import { useId } from 'react';
import { controller } from '../../state/app-state';
import { useT } from '../i18n';
import './seeds.css';
import { useTraining } from '../use-training';

export function SeedPicker() {
  const t = useT();
  const hintId = useId();
  const count = useTraining((s) => s.seeds?.count ?? 1);
  const shown = useTraining((s) => s.seeds?.shown ?? 0);
  if (count < 2) return null;
  return (
    <div className="seed-picker" data-testid="seed-picker-row">
      <label className="field field--inline">
        <span>{t('seeds.picker')}</span>
        <select
          data-testid="seed-picker"
          value={shown}
          aria-describedby={hintId}
          onChange={(e) => controller.showSeed(Number(e.target.value))}
        >
          {Array.from({ length: count }, (_, k) => `seed-${k}`).map((key, k) => (
            <option key={key} value={k}>
              {t('seeds.pickerOption', { n: String(k + 1) })}
            </option>
          ))}
        </select>
      </label>
      <span id={hintId} className="muted">
        {t('seeds.pickerHint', { n: String(count) })}
      </span>
    </div>
  );
}
