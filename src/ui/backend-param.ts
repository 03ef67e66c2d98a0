// The `?backend=` URL parameter: read it (an unknown value becomes a notice, not a crash) and write it back
// when the picker changes, so a reload or a shared link keeps the choice.
import { type BackendPreference, isBackendPreference } from '../engine/protocol';

export interface BackendParam {
  preference: BackendPreference;
  /** The raw value when it was not a backend we know; the app falls back to `auto` and says so. */
  invalid: string | null;
}

export function readBackendParam(search: string): BackendParam {
  const raw = new URLSearchParams(search).get('backend');
  if (raw === null || raw === '') return { preference: 'auto', invalid: null };
  const value = raw.trim().toLowerCase();
  return isBackendPreference(value)
    ? { preference: value, invalid: null }
    : { preference: 'auto', invalid: raw };
}

/** The same URL with `backend` set (dropped for `auto`, the default, to keep links clean). */
export function withBackendParam(href: string, preference: BackendPreference): string {
  const url = new URL(href);
  if (preference === 'auto') url.searchParams.delete('backend');
  else url.searchParams.set('backend', preference);
  return url.toString();
}
