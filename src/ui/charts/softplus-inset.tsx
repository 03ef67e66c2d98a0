// softplus_β(z) next to the identity z (≈ Adam's √v + ε) for the current β: the floor ln 2/β is why
// Sadam's A-LR cannot exceed β/ln 2. Pure SVG from props; recomputed when β changes.
import { line, scaleLog } from 'd3';
import { useMemo } from 'react';
import { useT } from '../i18n';
import './charts.css';
import { formatPlain, logTicks } from './log-axis';
import { softplusInset } from './softplus-geometry';

export interface SoftplusInsetProps {
  /** β of softplus_β (spec.softplusBeta). */
  beta: number;
  width?: number;
  height?: number;
}

const M = { top: 10, right: 10, bottom: 26, left: 42 };

export function SoftplusInset({ beta, width = 280, height = 190 }: SoftplusInsetProps) {
  const t = useT();
  const d = useMemo(() => softplusInset(beta), [beta]);
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  const x = scaleLog().domain(d.domain).range([0, w]);
  const y = scaleLog().domain(d.domain).range([h, 0]);
  const idx = d.z.map((_, i) => i);
  const curve = line<number>()
    .x((i) => x(d.z[i] as number))
    .y((i) => y(d.softplus[i] as number))(idx);
  const ticks = logTicks(d.domain, 4).filter((t) => t.major);
  const yFloor = y(d.floor);
  // Label anchors: the identity between the left edge and the floor; the curve halfway up on the right.
  const zLabel = Math.sqrt(d.domain[0] * d.floor);
  const zCurve = Math.sqrt(d.floor * d.domain[1]) * 3;
  return (
    <figure className="chart softplus-inset" data-testid="softplus-inset" data-beta={d.beta}>
      <svg
        className="chart__svg"
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width }}
        role="img"
        aria-label={t('chart.softplusAria', { beta: d.beta })}
      >
        <g transform={`translate(${M.left},${M.top})`}>
          {ticks.map((t) => (
            <g key={t.value} className="grid">
              <line x1={x(t.value)} x2={x(t.value)} y1={0} y2={h} />
              <line x1={0} x2={w} y1={y(t.value)} y2={y(t.value)} />
            </g>
          ))}
          {ticks.map((t) => (
            <g key={`l${t.value}`} className="tick-labels">
              <text x={x(t.value)} y={h + 14} textAnchor="middle">
                {t.label}
              </text>
              <text x={-5} y={y(t.value) + 3} textAnchor="end">
                {t.label}
              </text>
            </g>
          ))}
          <line className="frame" x1={0} x2={w} y1={h} y2={h} />
          <line className="frame" x1={0} x2={0} y1={0} y2={h} />
          <line className="softplus-identity" x1={0} y1={h} x2={w} y2={0} />
          <line className="softplus-floor" x1={0} x2={w} y1={yFloor} y2={yFloor} />
          <path className="softplus-curve" d={curve ?? ''} />
          {/* Below the floor on the right, and under the diagonal: the two places no line passes. */}
          <text className="softplus-label softplus-label--floor" x={w - 4} y={yFloor + 13} textAnchor="end">
            {t('chart.softplusFloor', { value: formatPlain(d.floor) })}
          </text>
          <text className="softplus-label softplus-label--id" x={x(zLabel) + 8} y={y(zLabel) + 14}>
            {t('chart.softplusIdentity')}
          </text>
          <text
            className="softplus-label softplus-label--curve"
            x={x(zCurve) - 6}
            y={y(zCurve * 1.6)}
            textAnchor="end"
          >
            softplus
            <tspan dy={3} fontSize="8">
              β
            </tspan>
            <tspan dy={-3}>(z)</tspan>
          </text>
          <text className="axis-title" x={2} y={8}>
            {t('chart.denominator')}
          </text>
          <text className="axis-title" x={w} y={h + 24} textAnchor="end">
            z = √v
          </text>
        </g>
      </svg>
      <figcaption className="chart__legend">
        <span className="key key--softplus">
          <span>
            softplus<sub>β</sub>(z), β = {formatPlain(d.beta)}
          </span>
        </span>
        <span className="key key--identity">z</span>
        <span data-testid="softplus-ceiling" data-value={d.ceiling}>
          A-LR ≤ β/ln 2 = <strong>{formatPlain(d.ceiling)}</strong>
        </span>
      </figcaption>
    </figure>
  );
}
