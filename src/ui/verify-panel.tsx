// "Verify optimizers": runs the optimizer self-check on the running backend (float64 reference, async
// reads only) and reports N/N passed or what failed.

import { useState } from 'react';
import type { EngineClient } from '../engine/client';
import { type EngineMessage, messageOf } from '../engine/messages';
import { BACKEND_LABELS, type BackendName } from '../engine/protocol';
import type { SelfCheckReport } from '../optim/self-check-types';
import { messageText, useLanguage, useT } from './i18n';
import { summariseReport } from './verify-summary';
import './i18n/later-strings'; // this part's English strings (strings-en-later.ts)

type Status =
  | { phase: 'idle' }
  | { phase: 'running'; since: number }
  | { phase: 'done'; report: SelfCheckReport; ms: number }
  | { phase: 'error'; message: EngineMessage };

export function VerifyPanel({
  client,
  backend,
}: {
  client: EngineClient | null;
  backend: BackendName | null;
}) {
  const [status, setStatus] = useState<Status>({ phase: 'idle' });
  const label = backend ? BACKEND_LABELS[backend] : null;
  const t = useT();

  const verify = async () => {
    if (!client || !label) return;
    const since = performance.now();
    setStatus({ phase: 'running', since });
    try {
      const report = await client.selfCheck();
      const ms = Math.round(performance.now() - since);
      setStatus({ phase: 'done', report, ms });
    } catch (err) {
      setStatus({ phase: 'error', message: messageOf(err) });
    }
  };

  return (
    <section className="card" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('verify.title')}</h2>
      <p className="muted">{t('verify.description')}</p>
      <div className="verify-row">
        <button
          type="button"
          className="button"
          data-testid="verify-button"
          disabled={!client || !label || status.phase === 'running'}
          onClick={verify}
        >
          {status.phase === 'running' ? t('verify.running') : t('verify.button')}
        </button>
        <Result status={status} label={label} />
      </div>
    </section>
  );
}

function Result({ status, label }: { status: Status; label: string | null }) {
  const t = useT();
  const language = useLanguage();
  switch (status.phase) {
    case 'idle':
      return label ? null : <span className="muted">{t('verify.waiting')}</span>;
    case 'running':
      return (
        <span className="muted" data-testid="verify-result" data-state="running">
          {t('verify.checking', { backend: label ?? '' })}
        </span>
      );
    case 'error':
      return (
        <span className="error" data-testid="verify-result" data-state="error">
          {t('verify.error', { message: messageText(status.message, language) })}
        </span>
      );
    case 'done': {
      // Worded at render time, so a language switch rewords it.
      const summary = summariseReport(status.report, label ?? status.report.backend);
      return (
        <div
          data-testid="verify-result"
          data-state={summary.passed ? 'passed' : 'failed'}
          data-fused={String(status.report.fusedKernel)}
        >
          <span className={summary.passed ? 'ok' : 'error'}>
            {summary.passed ? '✓ ' : '✗ '}
            {summary.headline}
          </span>
          <span className="muted small">{t('verify.took', { seconds: (status.ms / 1000).toFixed(1) })}</span>
          {summary.problems.length > 0 && (
            <ul className="problems" data-testid="verify-problems">
              {summary.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      );
    }
  }
}
