// The compact header badge: which backend runs, at a glance.
import { BACKEND_LABELS } from '../engine/protocol';
import { rateText, sortedRates } from './backend-rates';
import { type Language, messageText, useLanguage, useT } from './i18n';
import type { EngineState } from './use-engine';

export function BackendBadge({ engine }: { engine: EngineState | null }) {
  const t = useT();
  const language = useLanguage();
  const phase = engine?.phase ?? 'starting';
  const text =
    engine?.phase === 'ready'
      ? BACKEND_LABELS[engine.ready.backend]
      : engine?.phase === 'failed'
        ? t('backend.badgeNone')
        : t('backend.badgeStarting');
  return (
    <span
      className={`badge badge--${phase}`}
      data-testid="backend-badge"
      data-phase={phase}
      title={engine?.phase === 'ready' ? badgeTitle(engine.ready, t, language) : undefined}
    >
      <span className="badge__dot" aria-hidden="true" />
      {text}
    </span>
  );
}

/** Why this backend: Auto's measured rates when it measured, else the chain's reason. */
function badgeTitle(
  ready: Extract<EngineState, { phase: 'ready' }>['ready'],
  t: ReturnType<typeof useT>,
  language: Language,
): string {
  if (!ready.measured) return messageText(ready.reason, language);
  return sortedRates(ready.measured.rates)
    .map((r) => rateText(r, t))
    .join(' · ');
}
