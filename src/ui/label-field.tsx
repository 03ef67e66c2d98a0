// A run's label, editable: what the user types stays as typed; an empty field goes back to the label
// derived from the spec, which follows the settings it names (state/run-label.ts).
import { useEffect, useId, useState } from 'react';
import { controller } from '../state/app-state';
import { MAX_LABEL_LENGTH } from '../state/url/schema';
import { useT } from './i18n';
import { useTraining } from './use-training';

export function LabelField({ runId }: { runId: string }) {
  const id = useId();
  const t = useT();
  const run = useTraining((s) => s.experiment?.runs.find((r) => r.id === runId));
  const label = run?.label ?? '';
  const [text, setText] = useState(label);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setText(label);
  }, [label, editing]);
  const commit = () => {
    setEditing(false);
    if (text.trim() === label && (run?.labelTyped || text.trim() !== '')) return;
    controller.setLabel(runId, text);
  };
  return (
    <div className="number-field">
      <label htmlFor={id}>{t('spec.label')}</label>
      <input
        id={id}
        type="text"
        data-testid={`label-${runId}`}
        value={text}
        maxLength={MAX_LABEL_LENGTH}
        title={t('spec.labelHint')}
        data-typed={run?.labelTyped ? 'true' : 'false'}
        onChange={(e) => {
          setEditing(true);
          setText(e.target.value);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setEditing(false);
            setText(label);
          }
        }}
      />
    </div>
  );
}
