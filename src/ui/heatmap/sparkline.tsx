// One coordinate's A-LR over the kept snapshots, on a log axis (the y scale is linear in log10).
import { line, scaleLinear } from 'd3';
import { useT } from '../i18n';
import { formatValue } from './labels';

export interface SparklineProps {
  steps: readonly number[];
  values: Float32Array;
  width?: number;
  height?: number;
}

export function Sparkline({ steps, values, width = 150, height = 38 }: SparklineProps) {
  const t = useT();
  const points: [number, number][] = [];
  steps.forEach((step, i) => {
    const v = values[i] as number;
    if (v > 0 && Number.isFinite(v)) points.push([step, Math.log10(v)]);
  });
  if (points.length === 0)
    return (
      <p className="heatmap-sparkline__empty" data-testid="heatmap-sparkline-empty">
        {t('heatmap.noHistory')}
      </p>
    );

  let lo = Math.min(...points.map((p) => p[1]));
  let hi = Math.max(...points.map((p) => p[1]));
  if (hi - lo < 0.5) {
    const mid = (hi + lo) / 2;
    lo = mid - 0.25;
    hi = mid + 0.25;
  }
  const first = (points[0] as [number, number])[0];
  const last = (points[points.length - 1] as [number, number])[0];
  const x = scaleLinear()
    .domain(first === last ? [first - 1, first + 1] : [first, last])
    .range([3, width - 3]);
  const y = scaleLinear()
    .domain([lo, hi])
    .range([height - 3, 3]);
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]))(points);
  const end = points[points.length - 1] as [number, number];
  const top = 10 ** Math.max(...points.map((p) => p[1]));
  const bottom = 10 ** Math.min(...points.map((p) => p[1]));

  return (
    <div className="heatmap-sparkline">
      <svg
        data-testid="heatmap-sparkline"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('heatmap.sparkAria', {
          first,
          last,
          lo: formatValue(bottom, 2),
          hi: formatValue(top, 2),
        })}
      >
        <path className="heatmap-sparkline__line" d={path ?? ''} />
        <circle className="heatmap-sparkline__dot" cx={x(end[0])} cy={y(end[1])} r={2.5} />
      </svg>
      {/* Two digits: the history is kept to 0.055 decade (state/field-history.ts), not to 3 digits. */}
      <div className="heatmap-sparkline__range">
        <span>{formatValue(top, 2)}</span>
        <span>{formatValue(bottom, 2)}</span>
      </div>
    </div>
  );
}
