// Run colours as text: every run's name reaches WCAG AA (4.5:1) on the cards and the page, in the
// same hue as the run's frame and curves.
import { describe, expect, it } from 'vitest';
import { RUN_COLORS, RUN_TEXT_COLORS, runColor, runTextColor } from './palette';

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as number[];

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
function hue(hex: string): number {
  const [r, g, b] = rgb(hex) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

// The card, the intro's comparison boxes and the page behind them (app.css --card, .compare__item, --bg).
const BACKGROUNDS = ['#ffffff', '#fafbfc', '#f5f6f8'];

describe('run colours', () => {
  it('write every run name at 4.5:1 or more, in the hue of the run colour', () => {
    expect(RUN_TEXT_COLORS.length).toBe(RUN_COLORS.length);
    for (const [i, text] of RUN_TEXT_COLORS.entries()) {
      for (const bg of BACKGROUNDS)
        expect(contrast(text, bg), `${text} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      const dh = Math.abs(hue(text) - hue(RUN_COLORS[i] as string));
      expect(Math.min(dh, 360 - dh), `${text} vs ${RUN_COLORS[i]}`).toBeLessThan(6);
    }
  });

  it('give the two runs of the default scenes one colour for text, frame and curves', () => {
    for (const i of [0, 1]) expect(runTextColor(i)).toBe(runColor(i));
    expect(runTextColor(RUN_COLORS.length + 2)).toBe(runTextColor(2));
  });

  it('the failing colour this replaces would have been caught', () => {
    expect(contrast('#d55e00', '#ffffff')).toBeLessThan(4.5); // Okabe–Ito's vermillion as text
  });
});
