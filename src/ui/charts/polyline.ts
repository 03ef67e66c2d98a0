// An SVG path through x, y pairs in pixels, skipping points closer than minPx to the last one drawn:
// a loss-surface path grows by hundreds of points a second, but only visible moves need drawing.
// Non-finite points break the line (a diverged run); the last finite point is always kept.

export function polylinePath(
  xy: readonly number[],
  px: (x: number) => number,
  py: (y: number) => number,
  minPx = 0.75,
): string {
  const parts: string[] = [];
  const n = Math.floor(xy.length / 2);
  const min2 = minPx * minPx;
  let penDown = false;
  let lastX = 0;
  let lastY = 0;
  let skipped: [number, number] | null = null;
  for (let i = 0; i < n; i++) {
    const a = xy[2 * i] as number;
    const b = xy[2 * i + 1] as number;
    if (!Number.isFinite(a) || !Number.isFinite(b)) {
      if (skipped) parts.push(`L${skipped[0]},${skipped[1]}`);
      skipped = null;
      penDown = false;
      continue;
    }
    const X = round2(px(a));
    const Y = round2(py(b));
    if (!penDown) {
      parts.push(`M${X},${Y}`);
      penDown = true;
    } else if ((X - lastX) ** 2 + (Y - lastY) ** 2 >= min2) {
      parts.push(`L${X},${Y}`);
    } else {
      skipped = [X, Y];
      continue;
    }
    lastX = X;
    lastY = Y;
    skipped = null;
  }
  if (skipped) parts.push(`L${skipped[0]},${skipped[1]}`);
  return parts.join('');
}

const round2 = (v: number) => Math.round(v * 100) / 100;
