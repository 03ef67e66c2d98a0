// The compact header badge: which backend runs, at a glance.
import { BACKEND_LABELS } from '../engine/protocol';
import { useT } from './i18n';
import type { EngineState } from './use-engine';

export function BackendBadge({ engine }: { engine: EngineState | null }) {
  const t = useT();
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
      title={engine?.phase === 'ready' ? engine.ready.reason : undefined}
    >
      <span className="badge__dot" aria-hidden="true" />
      {text}
    </span>
  );
}
