// "Your own data": drop a CSV of x, y, label rows on the zone or choose one. A malformed file gets
// a message saying what is wrong and where, and nothing else happens; a good one is summarised and
// handed to `onPoints` (which switches the task). The newest file wins if reads overlap.

import { type DragEvent, useId, useRef, useState } from 'react';
import type { CustomPoints } from '../../engine/tasks/custom-points';
import type { CsvProblem } from '../../state/csv/csv-problems';
import { CSV_LIMITS } from '../../state/csv/parse-points';
import { useLanguage, useT } from '../i18n';
import { csvProblemText, csvSummaryText } from '../i18n/csv-text';
import './csv-drop.css';
import { type FileLike, type ParsePointsResult, readPointsFile, singleFile } from './read-csv-file';
import '../i18n/later-strings'; // this part's English strings (strings-en-later.ts)

export interface CsvDropProps {
  /** Called with the parsed points of a good file only. */
  onPoints: (points: CustomPoints, fileName: string) => void;
  disabled?: boolean;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | { kind: 'error'; name: string | null; error: CsvProblem; spreadsheet?: boolean }
  | { kind: 'ok'; name: string; result: Extract<ParsePointsResult, { ok: true }> };

export function CsvDrop({ onPoints, disabled = false }: CsvDropProps) {
  const t = useT();
  const language = useLanguage();
  const id = useId();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const latest = useRef(0);

  const load = async (files: ArrayLike<FileLike> | null | undefined) => {
    const ticket = ++latest.current;
    const file = singleFile(files);
    if (!('arrayBuffer' in file)) {
      setStatus({ kind: 'error', name: null, error: file });
      return;
    }
    setStatus({ kind: 'reading', name: file.name });
    const result = await readPointsFile(file);
    if (ticket !== latest.current) return; // a newer file was given meanwhile
    if (!result.ok) {
      setStatus({
        kind: 'error',
        name: file.name,
        error: result.error,
        spreadsheet: result.spreadsheet ?? false,
      });
      return;
    }
    setStatus({ kind: 'ok', name: file.name, result });
    onPoints(result.points, file.name);
  };

  const onDrop = (e: DragEvent<HTMLFieldSetElement>) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) void load(e.dataTransfer.files);
  };

  return (
    <fieldset
      className={`csv-drop${over ? ' csv-drop--over' : ''}${disabled ? ' csv-drop--disabled' : ''}`}
      data-testid="csv-drop"
      onDragEnter={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
      }}
      onDragLeave={(e) => {
        // Leaving for a child element is not leaving the zone.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={onDrop}
    >
      <legend className="csv-drop__legend">{t('csv.legend')}</legend>
      <p className="csv-drop__title">{t('csv.drop')}</p>
      <input
        id={id}
        className="csv-drop__input"
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
        data-testid="csv-input"
        disabled={disabled}
        aria-describedby={`${id}-hint ${id}-status`}
        onChange={(e) => {
          const input = e.currentTarget;
          void load(input.files).finally(() => {
            input.value = ''; // choosing the same file again reloads it
          });
        }}
      />
      <label htmlFor={id} className="button csv-drop__button">
        {t('csv.choose')}
      </label>
      <p id={`${id}-hint`} className="muted small csv-drop__hint">
        {t('csv.hint', {
          rows: CSV_LIMITS.maxRows.toLocaleString('en-US'),
          classes: CSV_LIMITS.maxClasses,
          mb: CSV_LIMITS.maxBytes / (1024 * 1024),
        })}
      </p>
      <div id={`${id}-status`} className="csv-drop__status">
        {status.kind === 'reading' && (
          <p className="muted small" role="status" data-testid="csv-reading">
            {t('csv.reading', { name: status.name })}
          </p>
        )}
        {status.kind === 'error' && (
          <p className="error csv-drop__error" role="alert" data-testid="csv-error">
            {status.name ? (
              <>
                {t('csv.couldNotUse')} <strong>{status.name}</strong>:{' '}
                {csvProblemText(status.error, language, status.spreadsheet)}
              </>
            ) : (
              csvProblemText(status.error, language)
            )}
          </p>
        )}
        {status.kind === 'ok' && (
          <p className="ok csv-drop__summary" role="status" data-testid="csv-summary">
            {status.name}: {csvSummaryText(status.result, language)}
          </p>
        )}
      </div>
    </fieldset>
  );
}
