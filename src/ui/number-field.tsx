// A labelled number input that accepts typed values ("1e-3", "0.001"), commits on Enter or blur, and
// refuses bad ones with a message next to the field (the previous value stays in force).
import { useEffect, useId, useState } from 'react';
import { useT } from './i18n';

export interface NumberFieldProps {
  label: string;
  value: number;
  /** Returns a reason when the value cannot be used, else null. */
  validate: (value: number) => string | null;
  onCommit: (value: number) => void;
  testId: string;
  hint?: string;
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e4))
    return value.toExponential().replace('e+', 'e');
  return String(Number(value.toPrecision(6)));
}

export function parseNumber(text: string): number {
  const trimmed = text.trim().replace(/[−–]/g, '-').replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

export function NumberField({ label, value, validate, onCommit, testId, hint }: NumberFieldProps) {
  const id = useId();
  const t = useT();
  const [text, setText] = useState(formatNumber(value));
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!editing) setText(formatNumber(value));
  }, [value, editing]);

  const commit = () => {
    setEditing(false);
    const parsed = parseNumber(text);
    const reason = Number.isNaN(parsed) ? t('field.notANumber', { text }) : validate(parsed);
    setError(reason);
    if (reason === null && parsed !== value) onCommit(parsed);
    if (reason !== null) setText(text);
  };

  return (
    <div className="number-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        data-testid={testId}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        title={hint}
        onChange={(e) => {
          setEditing(true);
          setText(e.target.value);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setEditing(false);
            setError(null);
            setText(formatNumber(value));
          }
        }}
      />
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert" data-testid={`${testId}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
