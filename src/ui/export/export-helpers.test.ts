import { describe, expect, it } from 'vitest';
import { exportFileName, slug } from './download';
import { figure1Layout, optimizerTitle } from './figure1';
import { fitScale, MAX_CANVAS_AREA, MAX_CANVAS_SIDE } from './png-export';
import { inlineStyle } from './svg-export';

describe('file names', () => {
  it('slugs scene names', () => {
    expect(slug('fig1-mnist')).toBe('fig1-mnist');
    expect(slug('MNIST: Adam vs Sadam (β=50)')).toBe('mnist-adam-vs-sadam-50');
    expect(slug('Éléphant')).toBe('elephant');
    expect(slug('***')).toBe('experiment');
    expect(slug('x'.repeat(100))).toHaveLength(48);
  });

  it('builds anisoscope-<scene>-<step>[-part].<ext>', () => {
    expect(exportFileName('fig1-mnist', 120, 'csv')).toBe('anisoscope-fig1-mnist-120.csv');
    expect(exportFileName('fig1-mnist', 20, 'png', 'run1')).toBe('anisoscope-fig1-mnist-20-run1.png');
    expect(exportFileName('A B', NaN, 'svg', 'Figure 1')).toBe('anisoscope-a-b-0-figure-1.svg');
  });
});

describe('figure 1 layout and titles', () => {
  it('puts up to three panels in a row, else two per row', () => {
    expect(figure1Layout(1)).toMatchObject({ columns: 1, rows: 1 });
    expect(figure1Layout(2)).toMatchObject({ columns: 2, rows: 1, width: 660 });
    expect(figure1Layout(3)).toMatchObject({ columns: 3, rows: 1 });
    expect(figure1Layout(4)).toMatchObject({ columns: 2, rows: 2 });
    expect(figure1Layout(0)).toMatchObject({ columns: 1, rows: 1 });
    const base = figure1Layout(2).height;
    expect(figure1Layout(2, { caption: 'x' }).height).toBeGreaterThan(base);
  });

  it('titles a panel by its optimizer, with β for the softplus rules', () => {
    expect(optimizerTitle({ name: 'adam', softplusBeta: 50 })).toBe('Adam');
    expect(optimizerTitle({ name: 'sadam', softplusBeta: 50 })).toBe('Sadam (β = 50)');
    expect(optimizerTitle({ name: 'samsgrad', softplusBeta: 10 })).toBe('SAMSGrad (β = 10)');
    expect(optimizerTitle({ name: 'custom', phi: 'max(z, c); c = 1e-2' })).toBe('φ(z) = max(z, c); c = 1e-2');
    expect(optimizerTitle({ name: 'custom', phi: `${'z+'.repeat(40)}1` })).toHaveLength(
      'φ(z) = '.length + 48,
    );
  });
});

describe('PNG scale', () => {
  it('keeps the requested scale when it fits, else shrinks to the limits', () => {
    expect(fitScale(800, 600, 2)).toBe(2);
    const s = fitScale(20_000, 100, 2);
    expect(20_000 * s).toBeCloseTo(MAX_CANVAS_SIDE);
    const t = fitScale(8000, 8000, 2);
    expect(8000 * 8000 * t * t).toBeLessThanOrEqual(MAX_CANVAS_AREA * 1.0001);
  });
});

describe('inline SVG style', () => {
  const computed: Record<string, string> = {
    fill: 'rgb(91, 102, 117)',
    stroke: 'none',
    'stroke-width': '1px',
    'stroke-dasharray': 'none',
    opacity: '1',
    'font-size': '11px',
    'font-family': 'system-ui',
    'text-anchor': 'end',
  };
  const get = (p: string) => computed[p] ?? '';

  it('copies the painted properties and leaves out initial values', () => {
    expect(inlineStyle(get, false)).toBe('fill:rgb(91, 102, 117);stroke:none;stroke-width:1px');
    expect(inlineStyle(get, true)).toBe(
      'fill:rgb(91, 102, 117);stroke:none;stroke-width:1px;font-size:11px;font-family:system-ui;text-anchor:end',
    );
    computed['stroke-dasharray'] = '5px, 3px';
    expect(inlineStyle(get, false)).toContain('stroke-dasharray:5px, 3px');
  });
});
