// Auto's measurement in the backend panel: each backend's steps/s on the loaded scene (issue #12), and
// which WASM build runs (threads or why not). Rendered from typed data through the string tables.
import type { BackendRate } from '../engine/auto-choice';
import { BACKEND_LABELS, type BackendReady, WASM_THREADS_TIMEOUT_MS } from '../engine/protocol';
import { useT } from './i18n';

type T = ReturnType<typeof useT>;

/** "12" from 12.3, "3.4" from 3.42: whole steps when that is precise enough. */
export function formatRate(stepsPerS: number): string {
  return stepsPerS >= 10 ? stepsPerS.toFixed(0) : stepsPerS.toFixed(1);
}

/** One backend's measurement, e.g. "WebGPU (software) 9/s". */
export function rateText(rate: BackendRate, t: T): string {
  const label = BACKEND_LABELS[rate.backend];
  const name = rate.software ? t('backend.softwareName', { name: label }) : label;
  if (rate.status === 'measured') return t('backend.rate', { name, rate: formatRate(rate.stepsPerS) });
  if (rate.status === 'failed') return t('backend.rateFailed', { name });
  if (rate.status === 'notStarted') return t('backend.rateNotStarted', { name });
  return rate.stepsPerS === undefined
    ? t('backend.rateTooSlow', { name })
    : t('backend.rateReached', { name, rate: formatRate(rate.stepsPerS) });
}

/** Fastest first; the ones without a rate last. */
export function sortedRates(rates: readonly BackendRate[]): BackendRate[] {
  const value = (r: BackendRate) =>
    r.status === 'failed' ? -3 : r.status === 'notStarted' ? -2 : (r.stepsPerS ?? -1);
  return [...rates].sort((a, b) => value(b) - value(a));
}

export function BackendRates({ ready, measuring }: { ready: BackendReady; measuring: boolean }) {
  const t = useT();
  if (measuring)
    return (
      <p className="muted" data-testid="backend-measuring">
        {t('backend.measuring')}
      </p>
    );
  const measured = ready.measured;
  if (!measured) return null;
  return (
    <>
      <p
        data-testid="backend-rates"
        data-rates={JSON.stringify(measured.rates)}
        data-ms={measured.ms}
        data-cached={measured.cached}
      >
        {t('backend.measuredLabel')}:{' '}
        {sortedRates(measured.rates)
          .map((r) => rateText(r, t))
          .join(' · ')}
      </p>
      <p className="muted small">
        {measured.cached ? t('backend.measuredCached') : t('backend.measuredIn', { ms: measured.ms })}
      </p>
    </>
  );
}

export function WasmThreads({ ready }: { ready: BackendReady }) {
  const t = useT();
  const wasm = ready.wasm;
  if (ready.backend !== 'wasm' || !wasm) return null;
  const text =
    wasm.threads > 1
      ? t('backend.wasmThreads', { threads: wasm.threads })
      : wasm.fallback === undefined
        ? t('backend.wasmThreadedOne')
        : wasm.fallback === 'notIsolated'
          ? t('backend.wasmNotIsolated')
          : wasm.fallback === 'unsupported'
            ? t('backend.wasmUnsupported')
            : wasm.fallback === 'timeout'
              ? t('backend.wasmTimeout', { seconds: WASM_THREADS_TIMEOUT_MS / 1000 })
              : wasm.fallback === 'failed'
                ? t('backend.wasmFailed', { error: wasm.error ?? '' })
                : wasm.fallback === 'off'
                  ? t('backend.wasmOff')
                  : wasm.fallback === 'fewCores'
                    ? t('backend.wasmFewCores')
                    : t('backend.wasmOneThread');
  return (
    <p className="muted" data-testid="wasm-threads" data-threads={wasm.threads}>
      {text}
    </p>
  );
}
