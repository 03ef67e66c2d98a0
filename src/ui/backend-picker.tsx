// The backend select; changing it restarts the engine on the chosen backend.
import {
  BACKEND_LABELS,
  BACKEND_PREFERENCES,
  type BackendPreference,
  isBackendPreference,
} from '../engine/protocol';
import { useT } from './i18n';

export function BackendPicker({
  value,
  onChange,
}: {
  value: BackendPreference;
  onChange: (next: BackendPreference) => void;
}) {
  const t = useT();
  return (
    <label className="picker">
      <span className="picker__label">{t('backend.picker')}</span>
      <select
        data-testid="backend-picker"
        value={value}
        onChange={(e) => isBackendPreference(e.target.value) && onChange(e.target.value)}
      >
        {BACKEND_PREFERENCES.map((p) => (
          <option key={p} value={p}>
            {p === 'auto' ? t('backend.auto') : BACKEND_LABELS[p]}
          </option>
        ))}
      </select>
    </label>
  );
}
