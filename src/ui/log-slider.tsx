// A slider over a logarithmic range (softplus β from 1 to 1000): equal travel per decade.
import { useEffect, useId, useState } from 'react';

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
  // The thumb follows the hand at once; the engine's confirmed value takes over when it changes.
  const [local, setLocal] = useState(value);
  useEffect(() => setLocal(value), [value]);
  const position = Math.log10(Math.min(max, Math.max(min, local)));
  return (
    <div className="log-slider">
      <label htmlFor={id}>
        {label} <output data-testid={`${testId}-value`}>{Number(local.toPrecision(3))}</output>
      </label>
      <input
        id={id}
        type="range"
        data-testid={testId}
        min={Math.log10(min)}
        max={Math.log10(max)}
        step={0.01}
        value={position}
        aria-valuetext={`${label} ${Number(local.toPrecision(3))}`}
        onChange={(e) => {
          const next = Number((10 ** Number(e.target.value)).toPrecision(3));
          setLocal(next);
          onChange(next);
        }}
      />
    </div>
  );
}
