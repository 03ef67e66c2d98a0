// MNIST view: the 16 test digits (canvas) with each run's prediction under each; wrong ones in red.
import { useEffect, useRef } from 'react';
import type { RunSnapshot } from '../../engine/session/snapshot-types';
import { EvaluatedAt } from '../evaluated-at';
import { useT } from '../i18n';
import { usePageVisible } from '../page-visibility';
import { DIGIT_SIDE, digitCount, digitPixels, sameBytes } from './digit-pixels';
import { runColor } from './palette';

type DigitsData = Extract<RunSnapshot['view'], { kind: 'digits' }>;

function Digit({ images, index }: { images: Uint8Array; index: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Not drawn while the tab is hidden; the latest digit is drawn when it is shown again.
  const visible = usePageVisible();
  useEffect(() => {
    if (!visible) return;
    const ctx = canvas.current?.getContext('2d');
    if (ctx) ctx.putImageData(new ImageData(digitPixels(images, index), DIGIT_SIDE, DIGIT_SIDE), 0, 0);
  }, [images, index, visible]);
  return <canvas ref={canvas} className="digit" width={DIGIT_SIDE} height={DIGIT_SIDE} />;
}

/**
 * The strip's bytes, as the array first seen with them: every snapshot brings a fresh copy of the same
 * 16 digits, and a new array would redraw all of them (issue #12: the page's work per snapshot).
 */
function useSameBytes(bytes: Uint8Array | undefined): Uint8Array | undefined {
  const kept = useRef(bytes);
  if (kept.current !== bytes && !sameBytes(kept.current, bytes)) kept.current = bytes;
  return kept.current;
}

export function DigitsView({ runs }: { runs: readonly RunSnapshot[] }) {
  const t = useT();
  const first = runs.find((r) => r.view.kind === 'digits')?.view as DigitsData | undefined;
  const images = useSameBytes(first?.images);
  if (!first || !images) return null;
  const n = digitCount(images);
  const indices = Array.from({ length: n }, (_, i) => i);
  return (
    // Scrolls sideways on narrow screens: a named, focusable region, so the keyboard can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="digits-view" aria-label={t('chart.digitsRegion')} tabIndex={0}>
      <div className="digits-view__row">
        <span className="digits-view__name">{t('chart.digit')}</span>
        {indices.map((i) => (
          <span key={i} className="digits-view__cell">
            <Digit images={images} index={i} />
          </span>
        ))}
      </div>
      {runs.map((run, r) => {
        const view = run.view.kind === 'digits' ? run.view : null;
        return (
          <div key={run.runId} className="digits-view__row" data-run={run.runId}>
            <span
              className="digits-view__name key key--run"
              style={{ ['--run-color' as string]: runColor(r) }}
            >
              {run.label}
              <EvaluatedAt run={run} what="digits" />
            </span>
            {indices.map((i) => {
              const p = view && i < view.predictions.length ? view.predictions[i] : undefined;
              const wrong = p !== undefined && p !== view?.labels[i];
              return (
                <span
                  key={i}
                  className={`digits-view__cell digits-view__pred${wrong ? ' digits-view__pred--wrong' : ''}`}
                  title={
                    p === undefined
                      ? t('chart.noPrediction')
                      : t('chart.predicted', { predicted: p, truth: view?.labels[i] ?? '' })
                  }
                >
                  {p ?? '–'}
                </span>
              );
            })}
          </div>
        );
      })}
    </section>
  );
}
