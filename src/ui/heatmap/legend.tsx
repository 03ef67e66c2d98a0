// The colour bar the heatmaps use, with a log axis at the powers of ten of the current domain and the
// two ceilings that make the paper's point: Adam's A-LR ≤ 1/ε, Sadam's ≤ β/ln 2 (docs/ARCHITECTURE.md, "The update rule").
import './heatmap.css';
import { axisBottom, scaleLog, select } from 'd3';
import { useEffect, useId, useRef } from 'react';
import { useT } from '../i18n';
import { COLOURS, NO_DATA_INDEX, paletteCss } from './color-table';
import type { Domain } from './domain';
import { formatValue, pow10Label } from './labels';

export interface LegendProps {
  /** The colour domain [lo, hi] in log10 units, as given to the heatmaps. */
  domain: Domain;
  /** What the colours measure (default "A-LR"). */
  label?: string;
  /** Adam's ε: marks 1/ε on the bar. */
  eps?: number;
  /** Sadam's softplus β: marks β/ln 2 on the bar. */
  softplusBeta?: number;
  /** Width of the bar in CSS px (default 300). */
  width?: number;
}

const STOPS = 32;
const MARK_H = 16;
const BAR_H = 12;
const AXIS_H = 22;
const PAD = 14; // room for the first and last tick label

export function Legend({ domain, label: givenLabel, eps, softplusBeta, width = 300 }: LegendProps) {
  const t = useT();
  const label = givenLabel ?? t('field.adaptiveRate');
  const [lo, hi] = domain;
  const gradientId = `heatmap-legend-${useId().replace(/:/g, '')}`;
  const axisRef = useRef<SVGGElement>(null);
  const scale = scaleLog()
    .domain([10 ** lo, 10 ** hi])
    .range([PAD, PAD + width]);

  const powers: number[] = [];
  for (let k = Math.ceil(lo - 1e-9); k <= Math.floor(hi + 1e-9); k++) powers.push(k);
  const every = Math.max(1, Math.ceil(powers.length / 8)); // at most ~8 labels

  useEffect(() => {
    if (!axisRef.current) return;
    const axis = axisBottom(scale)
      .tickValues(powers.map((k) => 10 ** k))
      .tickFormat((v) => {
        const k = Math.round(Math.log10(Number(v)));
        return k % every === 0 ? pow10Label(k) : ''; // even powers when crowded: 10⁰, 10², …
      })
      .tickSizeOuter(0);
    select(axisRef.current).call(axis);
  });

  const marks: { key: string; text: string; value: number }[] = [];
  if (eps !== undefined && eps > 0) marks.push({ key: 'eps', text: '1/ε', value: 1 / eps });
  if (softplusBeta !== undefined && softplusBeta > 0)
    marks.push({ key: 'beta', text: 'β/ln 2', value: softplusBeta / Math.LN2 });
  const inside = marks.filter((m) => {
    const e = Math.log10(m.value);
    return e >= lo - 1e-9 && e <= hi + 1e-9;
  });

  const description = [
    t('heatmap.legendAria', { label, lo: pow10Label(lo), hi: pow10Label(hi) }),
    ...marks.map(
      (m) => `${m.text} = ${formatValue(m.value)}${inside.includes(m) ? '' : t('heatmap.offScale')}`,
    ),
    t('heatmap.legendGrey'),
  ].join('; ');

  return (
    <figure className="heatmap-legend" data-testid="heatmap-legend" data-domain={`${lo},${hi}`}>
      <figcaption className="heatmap-legend__title">{t('heatmap.legendTitle', { label })}</figcaption>
      <svg
        width={width + 2 * PAD}
        height={MARK_H + BAR_H + AXIS_H}
        // Scales down with its card on narrow screens (phones) instead of overflowing it.
        viewBox={`0 0 ${width + 2 * PAD} ${MARK_H + BAR_H + AXIS_H}`}
        role="img"
        aria-label={description}
        className="heatmap-legend__svg"
      >
        <defs>
          <linearGradient id={gradientId}>
            {Array.from({ length: STOPS + 1 }, (_, i) => (
              <stop
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of stops
                key={i}
                offset={`${(100 * i) / STOPS}%`}
                stopColor={paletteCss(Math.min(COLOURS - 1, Math.round((i / STOPS) * (COLOURS - 1))))}
              />
            ))}
          </linearGradient>
        </defs>
        {inside.map((m) => {
          const x = scale(m.value);
          return (
            <g
              key={m.key}
              className={`heatmap-legend__mark heatmap-legend__mark--${m.key}`}
              data-testid={`heatmap-legend-${m.key}`}
            >
              <text x={x} y={MARK_H - 6} textAnchor="middle">
                {m.text}
              </text>
              <path d={`M${x - 4},${MARK_H - 4} L${x + 4},${MARK_H - 4} L${x},${MARK_H} Z`} />
              <line x1={x} x2={x} y1={MARK_H} y2={MARK_H + BAR_H} />
            </g>
          );
        })}
        <rect x={PAD} y={MARK_H} width={width} height={BAR_H} fill={`url(#${gradientId})`} />
        <g ref={axisRef} className="heatmap-legend__axis" transform={`translate(0, ${MARK_H + BAR_H})`} />
      </svg>
      <div className="heatmap-legend__nodata">
        <span className="heatmap-legend__swatch" style={{ background: paletteCss(NO_DATA_INDEX) }} />{' '}
        {t('heatmap.noDataYet')}
      </div>
    </figure>
  );
}
