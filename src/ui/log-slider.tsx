// A slider over a logarithmic range (softplus β from 1 to 1000): equal travel per decade.
import { useId } from 'react';

export function LogSlider({
  label,
  value,
  min,
  max,
  onChange,
  testId,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  testId: string;
}) {
  const id = useId();
  const position = Math.log10(Math.min(max, Math.max(min, value)));
  return (
    <div className="log-slider">
      <label htmlFor={id}>
        {label} <output data-testid={`${testId}-value`}>{Number(value.toPrecision(3))}</output>
      </label>
      <input
        id={id}
        type="range"
        data-testid={testId}
        min={Math.log10(min)}
        max={Math.log10(max)}
        step={0.01}
        value={position}
        aria-valuetext={`${label} ${Number(value.toPrecision(3))}`}
        onChange={(e) => onChange(Number((10 ** Number(e.target.value)).toPrecision(3)))}
      />
    </div>
  );
}
