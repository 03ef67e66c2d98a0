// The custom rule's φ: a formula text field (applied on Enter or blur, refused inline with the place
// and the reason, the running experiment untouched) and a slider per parameter, which rewrites the
// formula's `; name = value` part. Checking is the optimizer library's own (plain TS, no tfjs).

import { useEffect, useId, useMemo, useState } from 'react';
import { checkFormula } from '../optim/formula/evaluate';
import { type FormulaProblem, problemVars } from '../optim/formula/messages';
import { type ParsedFormula, parseFormula, withParams } from '../optim/formula/parse';
import { type StringKey, useT } from './i18n';
import { LogSlider } from './log-slider';

/** A slider range that stays put while the thumb moves: two decades either side of the typed value. */
function sliderRange(value: number): [number, number] {
  const decade = Math.floor(Math.log10(value));
  return [10 ** (decade - 2), 10 ** (decade + 3)];
}

function parsedOrNull(text: string): ParsedFormula | null {
  try {
    return parseFormula(text);
  } catch {
    return null;
  }
}

export function PhiField({
  runId,
  phi,
  onCommit,
}: {
  runId: string;
  phi: string;
  onCommit: (phi: string) => void;
}) {
  const id = useId();
  const t = useT();
  const [text, setText] = useState(phi);
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<{ text: string; problem: FormulaProblem } | null>(null);
  useEffect(() => {
    if (!editing) setText(phi);
  }, [phi, editing]);
  const parsed = useMemo(() => parsedOrNull(phi), [phi]);
  // Ranges from the values when the expression was set, so that sliding does not move the ends.
  const expression = parsed?.expression;
  // biome-ignore lint/correctness/useExhaustiveDependencies: ranges follow the expression, not each value
  const ranges = useMemo(
    () =>
      Object.fromEntries(
        (parsed?.params ?? []).map((p) => [p.name, p.value > 0 ? sliderRange(p.value) : null]),
      ),
    [expression],
  );

  const commit = (next: string) => {
    setEditing(false);
    const checked = checkFormula(next);
    if (!checked.ok) {
      setProblem({ text: next, problem: checked.problem });
      return;
    }
    setProblem(null);
    if (next !== phi) onCommit(next);
  };

  const message = problem
    ? t(`formula.${problem.problem.code}` as StringKey, problemVars(problem.problem))
    : null;
  const at = problem?.problem.at;
  return (
    <div className="phi-field" data-testid={`phi-field-${runId}`}>
      <label htmlFor={id}>{t('spec.phi')}</label>
      <input
        id={id}
        type="text"
        spellCheck={false}
        autoComplete="off"
        data-testid={`phi-${runId}`}
        value={text}
        maxLength={400}
        aria-invalid={problem !== null}
        aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          setEditing(true);
          setText(e.target.value);
        }}
        onBlur={() => commit(text)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(text);
          if (e.key === 'Escape') {
            setEditing(false);
            setProblem(null);
            setText(phi);
          }
        }}
      />
      {problem && (
        <div className="field-error" id={`${id}-error`} role="alert" data-testid={`phi-${runId}-error`}>
          {message}
          {at !== undefined && at < problem.text.length && (
            <code className="phi-field__where" aria-hidden="true">
              {problem.text.slice(Math.max(0, at - 24), at)}
              <mark>{problem.text[at]}</mark>
              {problem.text.slice(at + 1, at + 24)}
            </code>
          )}
        </div>
      )}
      <span className="phi-field__hint" id={`${id}-hint`}>
        {t('spec.phiHint')}
      </span>
      {parsed && parsed.params.length > 0 && (
        <div className="phi-field__params">
          {parsed.params.map((p) => {
            const range = ranges[p.name];
            if (!range) return null;
            return (
              <LogSlider
                key={p.name}
                label={t('spec.phiParam', { name: p.name })}
                value={p.value}
                min={range[0]}
                max={range[1]}
                testId={`phi-param-${p.name}-${runId}`}
                onChange={(v) =>
                  commit(
                    withParams(parsed, {
                      ...Object.fromEntries(parsed.params.map((q) => [q.name, q.value])),
                      [p.name]: v,
                    }),
                  )
                }
              />
            );
          })}
        </div>
      )}
    </div>
  );
}
