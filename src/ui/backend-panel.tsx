// Says which backend runs and why, names the WebGPU adapter, and lists every backend that was skipped or
// failed on the way (the fallback chain's notes).
import { useStore } from 'zustand';
import type { EngineMessage } from '../engine/messages';
import { BACKEND_LABELS } from '../engine/protocol';
import { connection } from '../state/app-state';
import { BackendRates, WasmThreads } from './backend-rates';
import { messageText, refusalText, useLanguage, useT } from './i18n';
import type { EngineState } from './use-engine';

export function BackendPanel({
  engine,
  strayError,
}: {
  engine: EngineState | null;
  strayError: EngineMessage | null;
}) {
  const t = useT();
  const language = useLanguage();
  return (
    <section className="card" aria-labelledby="backend-title">
      <h2 id="backend-title">{t('backend.title')}</h2>
      {engine?.phase === 'ready' ? (
        <Ready engine={engine} />
      ) : engine?.phase === 'failed' ? (
        <p className="error" data-testid="backend-error">
          {t('backend.failed', { error: messageText(engine.error, language) })}
        </p>
      ) : (
        <p className="muted" data-testid="backend-starting">
          {t('backend.starting')}
        </p>
      )}
      {strayError && (
        <p className="error" data-testid="engine-stray-error">
          {t('backend.stray', { error: messageText(strayError, language) })}
        </p>
      )}
    </section>
  );
}

function Ready({ engine }: { engine: Extract<EngineState, { phase: 'ready' }> }) {
  const t = useT();
  const language = useLanguage();
  const { backend, reason, adapter, notes, initMs, measured } = engine.ready;
  const measuring = useStore(connection.store, (s) => s.measuring);
  return (
    <>
      <p className="backend-line">
        <strong className="backend-name" data-testid="backend-name" data-backend={backend}>
          {BACKEND_LABELS[backend]}
        </strong>
        <span data-testid="backend-reason">
          {measured
            ? t('backend.measuredReason', { name: BACKEND_LABELS[backend] })
            : messageText(reason, language)}
        </span>
      </p>
      <BackendRates ready={engine.ready} measuring={measuring} />
      <WasmThreads ready={engine.ready} />
      {adapter && (
        <p className="muted" data-testid="adapter-info">
          {t('backend.adapter', {
            name:
              [adapter.vendor, adapter.architecture].filter(Boolean).join(' · ') ||
              t('backend.adapterUnnamed'),
          })}
          {adapter.description ? ` (${adapter.description})` : ''}
          {adapter.isFallbackAdapter ? t('backend.adapterFallback') : ''}
        </p>
      )}
      {notes.length > 0 && (
        <div className="notes">
          <h3>{t('backend.skipped')}</h3>
          <ul data-testid="backend-notes">
            {notes.map((note) => {
              const text = refusalText(note, language);
              return <li key={text}>{text}</li>;
            })}
          </ul>
        </div>
      )}
      <p className="muted small">{t('backend.readyIn', { ms: initMs })}</p>
    </>
  );
}
