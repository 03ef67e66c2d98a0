import { describe, expect, it } from 'vitest';
import { DEFAULT_PHI, type OptimizerSpec } from '../../optim/spec';
import type { HistoryPoint } from '../../state/training-store';
import { BoundedSeries } from '../../stats/downsample';
import type { Percentiles } from '../../stats/percentiles';
import {
  CSV_COLUMNS,
  csvField,
  csvNumber,
  finiteOrNull,
  METRICS_SCHEMA,
  metricsRows,
  type RunHistory,
  runHistories,
  toCsv,
  toJson,
  toJsonText,
} from './metrics-table';
import { isCsvNumber, parseCsv, validateMetricsCsv, validateMetricsDocument } from './testing/metrics-checks';

const spec = (name: OptimizerSpec['name']): OptimizerSpec => ({
  name,
  lr: 1e-3,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  softplusBeta: 50,
  phi: DEFAULT_PHI,
  weightDecay: 0,
  convention: 'official',
  partial: 0.125,
  finalLr: 0.1,
  gamma: 1e-3,
});

const alr = (m: number): Percentiles => ({
  min: m,
  p1: 2 * m,
  p25: 10 * m,
  p50: 20 * m,
  p75: 30 * m,
  p99: 90 * m,
  max: 100 * m,
});
const nanAlr: Percentiles = { min: NaN, p1: NaN, p25: NaN, p50: NaN, p75: NaN, p99: NaN, max: NaN };

function runs(): RunHistory[] {
  return [
    {
      runId: 'adam',
      label: 'Adam, "default"',
      spec: spec('adam'),
      points: [
        { step: 0, value: { trainLoss: 2.3, testLoss: 2.31, accuracy: 0.1, alr: nanAlr } },
        { step: 5, value: { trainLoss: 1.5, testLoss: 1.6, accuracy: 0.5, alr: alr(1e-2) } },
        { step: 10, value: { trainLoss: Infinity, testLoss: NaN, accuracy: 0.5, alr: alr(3e-3) } },
      ],
    },
    {
      runId: 'sadam',
      label: 'Sadam β=50',
      spec: spec('sadam'),
      points: [
        { step: 0, value: { trainLoss: 2.3, alr: nanAlr } },
        { step: 5, value: { trainLoss: 1.2, alr: alr(0.02) } },
      ],
    },
  ];
}

describe('metrics rows', () => {
  it('has one row per history point per run, in order', () => {
    const rows = metricsRows(runs());
    expect(rows.map((r) => `${r.runId}@${r.step}`)).toEqual([
      'adam@0',
      'adam@5',
      'adam@10',
      'sadam@0',
      'sadam@5',
    ]);
    expect(rows[1]?.optimizer).toBe('adam');
    expect(rows[4]?.testLoss).toBeUndefined();
    expect(rows[1]?.alr.p50).toBeCloseTo(0.2);
  });

  it('reads the store: snapshot order, history points, empty without a snapshot', () => {
    expect(runHistories({ snapshot: null, history: {} })).toEqual([]);
    const series = new BoundedSeries<HistoryPoint>(10);
    series.push(0, { trainLoss: 1, alr: nanAlr });
    series.push(3, { trainLoss: 0.5, alr: alr(1) });
    const snapshot = {
      step: 3,
      backend: 'cpu',
      taskTitle: 'T',
      runs: [
        { runId: 'b', label: 'B', spec: spec('sadam') },
        { runId: 'a', label: 'A', spec: spec('adam') },
      ],
    } as unknown as Parameters<typeof runHistories>[0]['snapshot'];
    const out = runHistories({ snapshot, history: { a: series } });
    expect(out.map((r) => [r.runId, r.points.length])).toEqual([
      ['b', 0],
      ['a', 2],
    ]);
  });
});

describe('CSV', () => {
  it('quotes fields as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' edge')).toBe('" edge"');
  });

  it('neutralises cells a spreadsheet would run as a formula, and keeps numbers as numbers', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    for (const evil of ['+1+1', '-2+3', '@SUM(A1)', '\tlead', '\r=1', '=1']) {
      const cell = csvField(evil);
      expect(cell.startsWith(`"'`), evil).toBe(true);
      // Read back as text: the quote is the only change.
      expect(parseCsv(`${cell}\r\n`)[0]?.[0]).toBe(`'${evil}`);
    }
    // A plain number in a text column is not a formula; numeric columns are written from numbers.
    expect(csvField('-0.5')).toBe('-0.5');
    expect(csvField('+3e-2')).toBe('+3e-2');
    expect(csvNumber(-0.5)).toBe('-0.5');
    const row = {
      runId: 'a',
      label: '=1+1',
      optimizer: 'adam',
      step: 1,
      trainLoss: -0.5,
      testLoss: undefined,
      accuracy: undefined,
    };
    const alr = { min: -1, p1: 0, p25: 0, p50: 0, p75: 0, p99: 0, max: 1 };
    const text = toCsv([{ ...row, alr }]);
    expect(text.split('\r\n')[1]).toBe(`a,"'=1+1",adam,1,-0.5,,,-1,0,0,0,0,0,1`);
    expect(validateMetricsCsv(text)).toEqual([]);
  });

  it('writes numbers round-trip, non-finite as NaN / inf, missing as empty', () => {
    expect(csvNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(Number(csvNumber(1e-12))).toBe(1e-12);
    expect(csvNumber(NaN)).toBe('NaN');
    expect(csvNumber(Infinity)).toBe('inf');
    expect(csvNumber(-Infinity)).toBe('-inf');
    expect(csvNumber(undefined)).toBe('');
  });

  it('has a header, CRLF lines, and parses back', () => {
    const text = toCsv(metricsRows(runs()));
    expect(text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(text.endsWith('\r\n')).toBe(true);
    const records = parseCsv(text);
    expect(records).toHaveLength(1 + 5);
    for (const r of records) expect(r).toHaveLength(CSV_COLUMNS.length);
    expect(records[1]?.[1]).toBe('Adam, "default"');
    expect(records[1]?.slice(3, 8)).toEqual(['0', '2.3', '2.31', '0.1', 'NaN']);
    expect(records[3]?.slice(4, 6)).toEqual(['inf', 'NaN']);
    expect(records[4]?.slice(5, 7)).toEqual(['', '']);
    expect(Number(records[2]?.[CSV_COLUMNS.indexOf('alr_max')])).toBeCloseTo(1);
  });

  it('validates: well-formed, row counts, and catches bad numbers', () => {
    const text = toCsv(metricsRows(runs()));
    expect(validateMetricsCsv(text, { adam: 3, sadam: 2 })).toEqual([]);
    expect(validateMetricsCsv(text, { adam: 4 })).toEqual(['run adam: 3 rows, expected 4']);
    expect(validateMetricsCsv(text.replace('2.31', 'abc')).join()).toMatch(/test_loss: not a number/);
    expect(validateMetricsCsv('a,b\r\n1,2\r\n').join()).toMatch(/bad header/);
  });

  it('parses quoted commas, doubled quotes, newlines and LF-only text', () => {
    expect(parseCsv('a,"b,c","d""e"\n"x\ny",z\n')).toEqual([
      ['a', 'b,c', 'd"e'],
      ['x\ny', 'z'],
    ]);
    expect(parseCsv('a,b')).toEqual([['a', 'b']]);
    expect(parseCsv('a,\r\n')).toEqual([['a', '']]);
    expect(() => parseCsv('"open')).toThrow(SyntaxError);
  });

  it('knows what a numeric field is', () => {
    for (const ok of ['0', '-1.5', '1e-8', '2.5E+3', '.5', '', 'NaN', 'inf', '-inf'])
      expect(isCsvNumber(ok)).toBe(true);
    for (const bad of ['abc', '1,2', 'Infinity', '1e', '--1']) expect(isCsvNumber(bad)).toBe(false);
  });
});

describe('JSON', () => {
  const experiment = {
    task: { kind: 'surface', start: [1, Infinity] },
    runs: [],
    seeds: { init: 1, data: 2 },
  } as unknown as Parameters<typeof toJson>[0]['experiment'];

  it('has the schema, the experiment, runs with specs and points; non-finite numbers are null', () => {
    const doc = toJson({ runs: runs(), experiment, scene: 'fig1-mnist', taskTitle: 'MNIST', step: 10 });
    expect(doc.schema).toBe(METRICS_SCHEMA);
    expect(doc.scene).toBe('fig1-mnist');
    expect(doc.exportedAt).toBeNull();
    expect((doc.experiment as { task: { start: unknown } }).task.start).toEqual([1, null]);
    expect(doc.runs.map((r) => [r.runId, r.optimizer, r.points.length])).toEqual([
      ['adam', 'adam', 3],
      ['sadam', 'sadam', 2],
    ]);
    expect((doc.runs[0]?.spec as OptimizerSpec | undefined)?.eps).toBe(1e-8);
    expect(doc.runs[0]?.points[0]?.alr.min).toBeNull();
    expect(doc.runs[0]?.points[2]?.trainLoss).toBeNull();
    expect(doc.runs[0]?.points[2]?.testLoss).toBeNull();
    expect(doc.runs[1]?.points[1]).not.toHaveProperty('testLoss');
    expect(validateMetricsDocument(doc)).toEqual([]);
  });

  it('carries a custom run’s φ formula in its spec', () => {
    const [first] = runs();
    if (!first) throw new Error('runs');
    const custom = { ...first, runId: 'mine', spec: { ...spec('custom'), phi: 'max(z, c); c = 1e-2' } };
    const doc = toJson({ runs: [custom], experiment: null });
    expect(doc.runs[0]?.optimizer).toBe('custom');
    expect((doc.runs[0]?.spec as OptimizerSpec | undefined)?.phi).toBe('max(z, c); c = 1e-2');
    expect(validateMetricsDocument(JSON.parse(toJsonText(doc)))).toEqual([]);
  });

  it('round-trips through text unchanged and still validates', () => {
    const doc = toJson({ runs: runs(), experiment: null });
    const text = toJsonText(doc);
    expect(text).not.toMatch(/NaN|Infinity/);
    const back = JSON.parse(text);
    expect(back).toEqual(doc);
    expect(validateMetricsDocument(back)).toEqual([]);
  });

  it('replaces non-finite numbers deeply, typed arrays included', () => {
    expect(
      finiteOrNull({ a: [1, NaN], b: { c: -Infinity, d: 'x', e: undefined }, f: new Float32Array([1, NaN]) }),
    ).toEqual({ a: [1, null], b: { c: null, d: 'x' }, f: [1, null] });
  });

  it('the validator finds what is wrong', () => {
    expect(validateMetricsDocument(null)).toEqual(['not an object']);
    expect(validateMetricsDocument({ schema: 'x', experiment: null, runs: [] })[0]).toMatch(/schema/);
    expect(validateMetricsDocument({ schema: METRICS_SCHEMA, runs: {} }).join()).toMatch(
      /runs is not an array/,
    );
    const bad = {
      schema: METRICS_SCHEMA,
      experiment: null,
      runs: [
        {
          runId: 'a',
          optimizer: 'adam',
          spec: {},
          points: [
            { step: 2, trainLoss: 1, alr: { min: 1, p1: 1, p25: 1, p50: 1, p75: 1, p99: 1, max: 1 } },
            { step: 1, trainLoss: 'x', alr: { min: 1 } },
          ],
        },
      ],
    };
    const errors = validateMetricsDocument(bad).join('\n');
    expect(errors).toMatch(/points\[1\]\.step/);
    expect(errors).toMatch(/points\[1\]\.trainLoss/);
    expect(errors).toMatch(/points\[1\]\.alr\.p1/);
  });
});
