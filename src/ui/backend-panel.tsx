// Says which backend runs and why, names the WebGPU adapter, and lists every backend that was skipped or
// failed on the way (the fallback chain's notes).
import { BACKEND_LABELS } from '../engine/protocol';
import type { EngineState } from './use-engine';

export function BackendPanel({
  engine,
  strayError,
}: {
  engine: EngineState | null;
  strayError: string | null;
}) {
  return (
    <section className="card" aria-labelledby="backend-title">
      <h2 id="backend-title">Compute backend</h2>
      {engine?.phase === 'ready' ? (
        <Ready engine={engine} />
      ) : engine?.phase === 'failed' ? (
        <p className="error" data-testid="backend-error">
          No TensorFlow.js backend could start: {engine.error}
        </p>
      ) : (
        <p className="muted" data-testid="backend-starting">
          Starting TensorFlow.js in a Web Worker…
        </p>
      )}
      {strayError && (
        <p className="error" data-testid="engine-stray-error">
          The engine reported: {strayError}
        </p>
      )}
    </section>
  );
}

function Ready({ engine }: { engine: Extract<EngineState, { phase: 'ready' }> }) {
  const { backend, reason, adapter, notes, initMs } = engine.ready;
  return (
    <>
      <p className="backend-line">
        <strong className="backend-name" data-testid="backend-name" data-backend={backend}>
          {BACKEND_LABELS[backend]}
        </strong>
        <span data-testid="backend-reason">{reason}</span>
      </p>
      {adapter && (
        <p className="muted" data-testid="adapter-info">
          WebGPU adapter: {[adapter.vendor, adapter.architecture].filter(Boolean).join(' · ') || 'unnamed'}
          {adapter.description ? ` (${adapter.description})` : ''}
          {adapter.isFallbackAdapter ? ' — software fallback adapter' : ''}
        </p>
      )}
      {notes.length > 0 && (
        <div className="notes">
          <h3>Skipped or failed</h3>
          <ul data-testid="backend-notes">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted small">Ready in {initMs} ms, in a Web Worker (the page stays responsive).</p>
    </>
  );
}
