// "Verify optimizers": runs the optimizer self-check on the running backend (float64 reference, async
// reads only) and reports N/N passed or what failed.
import { useState } from 'react';
import type { EngineClient } from '../engine/client';
import { BACKEND_LABELS, type BackendName } from '../engine/protocol';
import { summariseReport, type VerifySummary } from './verify-summary';

type Status =
  | { phase: 'idle' }
  | { phase: 'running'; since: number }
  | { phase: 'done'; summary: VerifySummary; ms: number }
  | { phase: 'error'; message: string };

export function VerifyPanel({
  client,
  backend,
}: {
  client: EngineClient | null;
  backend: BackendName | null;
}) {
  const [status, setStatus] = useState<Status>({ phase: 'idle' });
  const label = backend ? BACKEND_LABELS[backend] : null;

  const verify = async () => {
    if (!client || !label) return;
    const since = performance.now();
    setStatus({ phase: 'running', since });
    try {
      const report = await client.selfCheck();
      const ms = Math.round(performance.now() - since);
      setStatus({ phase: 'done', summary: summariseReport(report, label), ms });
    } catch (err) {
      setStatus({ phase: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <section className="card" aria-labelledby="verify-title">
      <h2 id="verify-title">Verify optimizers</h2>
      <p className="muted">
        Runs the optimizers on this backend against an independent float64 reference (the golden Adam and
        Sadam trajectories, a slice of the verification grid, a softplus stress case) and checks that no
        tensor leaked.
      </p>
      <div className="verify-row">
        <button
          type="button"
          className="button"
          data-testid="verify-button"
          disabled={!client || !label || status.phase === 'running'}
          onClick={verify}
        >
          {status.phase === 'running' ? 'Verifying…' : 'Verify optimizers'}
        </button>
        <Result status={status} label={label} />
      </div>
    </section>
  );
}

function Result({ status, label }: { status: Status; label: string | null }) {
  switch (status.phase) {
    case 'idle':
      return label ? null : <span className="muted">Waiting for a backend…</span>;
    case 'running':
      return (
        <span className="muted" data-testid="verify-result" data-state="running">
          Checking on {label}…
        </span>
      );
    case 'error':
      return (
        <span className="error" data-testid="verify-result" data-state="error">
          The self-check could not run: {status.message}
        </span>
      );
    case 'done':
      return (
        <div data-testid="verify-result" data-state={status.summary.passed ? 'passed' : 'failed'}>
          <span className={status.summary.passed ? 'ok' : 'error'}>
            {status.summary.passed ? '✓ ' : '✗ '}
            {status.summary.headline}
          </span>
          <span className="muted small"> in {(status.ms / 1000).toFixed(1)} s</span>
          {status.summary.problems.length > 0 && (
            <ul className="problems" data-testid="verify-problems">
              {status.summary.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      );
  }
}
