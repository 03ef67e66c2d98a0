// The φ view (formerly the softplus inset): A-LR = 1/φ(z) for every run, φ(z) on shared log axes.
// Along each curve the stretch its coordinates occupy (z from p1 to p99 of the run) is drawn bold;
// under the plot each run's z quantiles sit in a lane (whisker min–max, box 25–75 %, tick at the
// median; ◂ marks z = 0); right of it each run's A-LR band (the φ range its coordinates use, read on the
// right axis as A-LR = 1/φ). Adam's diagonal z + ε turns z spread over decades into an A-LR spread over
// the same decades; the softplus floor ln 2/β flattens it into one. Pure SVG from props.
import { line, scaleLog } from 'd3';
import { useMemo } from 'react';
import { useT } from '../i18n';
import './charts.css';
import { formatDecade, formatPlain, logTicks } from './log-axis';
import { type PhiViewRun, phiView, type ZMarks } from './phi-geometry';

export interface PhiViewProps {
  runs: readonly PhiViewRun[];
  width?: number;
  height?: number;
}

/** The right axis: the A-LR 1/φ at a φ tick, as a decade (10⁸) where φ is one. */
function alrLabel(phi: number): string {
  const k = Math.round(Math.log10(phi));
  return Math.abs(phi / 10 ** k - 1) < 1e-9 ? formatDecade(-k) : formatPlain(1 / phi);
}

/** Where the bold stretch ends: the 99th percentile of z, or the end of φ's flat start when all sit in it. */
function usedUpTo(m: ZMarks | null): number {
  if (!m) return 0;
  return m.p99 > 0 ? m.p99 : m.flatBelow;
}

const LANE = 8;
const BAND = 7;

export function PhiView({ runs, width = 320, height = 210 }: PhiViewProps) {
  const t = useT();
  const d = useMemo(() => phiView(runs), [runs]);
  const lanes = d.curves.length * LANE;
  const M = { top: 12, right: 36 + d.curves.length * BAND, bottom: 30 + lanes, left: 42 };
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom + lanes;
  const x = scaleLog().domain(d.zDomain).range([0, w]).clamp(true);
  const y = scaleLog().domain(d.phiDomain).range([h, 0]).clamp(true);
  const xAt = (z: number) => (z > 0 ? x(z) : 0);
  const yTicks = logTicks(d.phiDomain, 5).filter((k) => k.major);
  const xTicks = logTicks(d.zDomain, 5).filter((k) => k.major);
  const path = line<[number, number]>()
    .x(([z]) => x(z))
    .y(([, v]) => y(v));
  const laneTop = h + 18;
  const bandLeft = w + 6;
  return (
    <figure
      className="chart phi-view"
      id="softplus-inset"
      data-testid="softplus-inset"
      data-runs={d.curves.length}
    >
      <svg
        className="chart__svg"
        viewBox={`0 0 ${width} ${height + lanes}`}
        width="100%"
        style={{ maxWidth: width }}
        role="img"
        aria-label={t('chart.phiAria', {
          summary: d.curves
            .map((c) =>
              c.band ? t('chart.phiBand', { label: c.label, decades: c.band.decades.toFixed(1) }) : c.label,
            )
            .join('; '),
        })}
      >
        <g transform={`translate(${M.left},${M.top})`}>
          {yTicks.map((k) => (
            <g key={`y${k.value}`} className="grid">
              <line x1={0} x2={w} y1={y(k.value)} y2={y(k.value)} />
            </g>
          ))}
          {xTicks.map((k) => (
            <g key={`x${k.value}`} className="grid">
              <line x1={x(k.value)} x2={x(k.value)} y1={0} y2={h} />
            </g>
          ))}
          <g className="tick-labels">
            {yTicks.map((k) => (
              <text key={`yl${k.value}`} x={-5} y={y(k.value) + 3} textAnchor="end">
                {k.label}
              </text>
            ))}
            {xTicks.map((k) => (
              <text key={`xl${k.value}`} x={x(k.value)} y={h + 12} textAnchor="middle">
                {k.label}
              </text>
            ))}
            {/* The right axis reads the same heights as A-LR = 1/φ. */}
            {yTicks.map((k) => (
              <text
                key={`ar${k.value}`}
                x={bandLeft + d.curves.length * BAND + 3}
                y={y(k.value) + 3}
                className="phi-view__alr-tick"
              >
                {alrLabel(k.value)}
              </text>
            ))}
          </g>
          <line className="frame" x1={0} x2={w} y1={h} y2={h} />
          <line className="frame" x1={0} x2={0} y1={0} y2={h} />
          {d.curves.map((c) => (
            <g key={c.runId} data-testid={`phi-curve-${c.runId}`} style={{ color: c.color }}>
              <path className="phi-view__curve" d={path(c.points) ?? ''} />
              {c.marks && (
                <path
                  className="phi-view__used"
                  d={path(c.points.filter(([z]) => z >= (c.marks?.p1 ?? 0) && z <= usedUpTo(c.marks))) ?? ''}
                />
              )}
            </g>
          ))}
          {d.curves.map((c, i) => {
            const top = laneTop + i * LANE;
            const m = c.marks;
            return (
              <g
                key={`lane${c.runId}`}
                className="phi-view__lane"
                style={{ color: c.color }}
                data-testid={`phi-rug-${c.runId}`}
                data-p50={m?.p50 ?? ''}
              >
                {m && (
                  <>
                    <title>
                      {t('chart.phiLane', {
                        label: c.label,
                        min: formatPlain(m.min),
                        p50: formatPlain(m.p50),
                        max: formatPlain(m.max),
                      })}
                    </title>
                    <line x1={xAt(m.min)} x2={xAt(m.max)} y1={top + 3} y2={top + 3} />
                    <rect x={xAt(m.p25)} width={Math.max(1.5, xAt(m.p75) - xAt(m.p25))} y={top} height={6} />
                    <line
                      className="phi-view__median"
                      x1={xAt(m.p50)}
                      x2={xAt(m.p50)}
                      y1={top - 1}
                      y2={top + 7}
                    />
                    {m.min === 0 && m.flatBelow === 0 && (
                      <text x={-3} y={top + 6} textAnchor="end" className="phi-view__zero">
                        ◂0
                      </text>
                    )}
                    {/* A flat start of φ: weights at its A-LR may sit anywhere below its end. */}
                    {m.min === 0 && m.flatBelow > 0 && (
                      <rect
                        className="phi-view__flat"
                        data-testid={`phi-flat-${c.runId}`}
                        x={0}
                        width={xAt(m.flatBelow)}
                        y={top + 1}
                        height={4}
                      />
                    )}
                  </>
                )}
              </g>
            );
          })}
          {d.curves.map((c, i) =>
            c.band ? (
              <rect
                key={`band${c.runId}`}
                className="phi-view__band"
                data-testid={`phi-band-bar-${c.runId}`}
                style={{ color: c.color }}
                x={bandLeft + i * BAND}
                width={BAND - 2}
                y={y(c.band.phiHigh)}
                height={Math.max(1.5, y(c.band.phiLow) - y(c.band.phiHigh))}
              />
            ) : null,
          )}
          <text className="axis-title" x={2} y={-3}>
            φ(z) · {t('chart.denominator')}
          </text>
          <text className="axis-title" x={bandLeft + d.curves.length * BAND + 30} y={-3} textAnchor="end">
            A-LR = 1/φ
          </text>
          <text className="axis-title" x={w} y={h + 24 + lanes} textAnchor="end">
            z = √v
          </text>
        </g>
      </svg>
      <figcaption className="chart__legend phi-view__legend">
        {d.curves.map((c) => (
          <span
            key={c.runId}
            className="phi-view__key"
            data-testid={`phi-band-${c.runId}`}
            data-decades={c.band ? c.band.decades : ''}
            style={{ color: c.color }}
          >
            <span className="phi-view__swatch" aria-hidden="true" />
            <span className="phi-view__key-text">
              {c.label}
              {c.band
                ? ` · ${t('chart.phiRange', {
                    low: formatPlain(c.band.alrMin),
                    high: formatPlain(c.band.alrMax),
                    decades: c.band.decades.toFixed(1),
                  })}`
                : ''}
            </span>
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
