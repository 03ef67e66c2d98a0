// Issue #7, bad input: 500 generated malformed links (garbage, huge and negative numbers, NaN, unknown
// names, very long values, unicode, broken percent-encoding) through the same decoder the app runs at
// start-up (`decodeState` → `resolveUrlState`). Each must give a valid experiment: a task, 1–4 runs with
// distinct ids, every spec valid by `resolveSpec` — and never throw. (The e2e side, real page loads of
// nasty links, is in e2e/robustness.spec.ts.)
import { describe, expect, it } from 'vitest';
import { MAX_RUNS } from '../../engine/experiment';
import { checkExperimentBudget } from '../../engine/model-size';
import { createRandom } from '../../engine/random';
import { OPTIMIZER_NAMES, resolveSpec } from '../../optim/spec';
import { urlNoticeText } from '../../ui/i18n/url-notice-text';
import { decodeState, resolveUrlState } from './codec';

const NASTY_VALUES = [
  '',
  'NaN',
  '-NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '1e309',
  '-1e309',
  '-1',
  '-0',
  '0',
  '1e-400',
  '0x1F',
  '1_000',
  ' 1 ',
  '%',
  '%zz',
  '%E0%A4%A',
  '%00',
  '%F0%9F%98%80',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'ε',
  'β=∞',
  'résumé',
  '😀😀😀',
  '\u202e',
  'a'.repeat(5000),
  '9'.repeat(400),
  ',,,',
  ':::',
  '&&&',
  '==',
  '+',
];
const KEYS = [
  'scene',
  'task',
  'run',
  'at',
  'v',
  'hidden',
  'batch',
  'activation',
  'dataset',
  'surface',
  'model',
  'noise',
  'train',
  'data_seed',
  'init_seed',
  'batch_seed',
  'field',
  'scale',
  'agg',
  'backend',
  'embed',
  'unknown_key',
  '__proto__',
  'constructor',
  '😀',
  '',
];
const SPEC_KEYS = [
  'lr',
  'beta1',
  'beta2',
  'eps',
  'beta',
  'wd',
  'partial',
  'final_lr',
  'gamma',
  'label',
  'zz',
];
const NAMES = [...OPTIMIZER_NAMES, 'adamz', 'ADAM', '', 'sgd', '😀', 'constructor'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

function nastyNumber(r: () => number): string {
  const n = (r() - 0.5) * 10 ** Math.floor(r() * 40 - 10);
  return r() < 0.5 ? String(n) : pick(r, NASTY_VALUES);
}

function runValue(r: () => number): string {
  const id = r() < 0.8 ? pick(r, ['a', 'b', 'adam', 'x y', '', '<b>', 'é']) : pick(r, NASTY_VALUES);
  const parts = [`${encodeURIComponent(id)}:${pick(r, NAMES)}`];
  const count = Math.floor(r() * 5);
  for (let i = 0; i < count; i++) parts.push(`${pick(r, SPEC_KEYS)}=${nastyNumber(r)}`);
  return parts.join(',');
}

/** One malformed query string; `i` picks its flavour so that each kind is well represented. */
function malformedQuery(i: number): string {
  const r = createRandom(1000 + i);
  const flavour = i % 5;
  if (flavour === 0) {
    // Pure garbage bytes.
    let s = '';
    const len = Math.floor(r() * 300);
    for (let k = 0; k < len; k++) s += String.fromCharCode(Math.floor(r() * 0x3000));
    return s;
  }
  const pairs: string[] = [];
  const count = 1 + Math.floor(r() * 12);
  for (let k = 0; k < count; k++) {
    const key = pick(r, KEYS);
    let value: string;
    if (key === 'run' || key === 'at')
      value = key === 'at' ? `${nastyNumber(r)}:${runValue(r)}` : runValue(r);
    else if (flavour === 2) value = nastyNumber(r);
    else if (flavour === 3) value = pick(r, NASTY_VALUES);
    else value = r() < 0.5 ? nastyNumber(r) : pick(r, NASTY_VALUES);
    pairs.push(`${key}=${value}`);
  }
  if (flavour === 4) pairs.push(`run=${'x'.repeat(20_000)}`); // very long
  return pairs.join(r() < 0.1 ? ';' : '&');
}

describe('500 malformed links all decode to a valid experiment', () => {
  it('never throws; 1–4 runs with distinct ids, every spec valid; a notice for what was refused', () => {
    let withNotices = 0;
    for (let i = 0; i < 500; i++) {
      const query = malformedQuery(i);
      const where = `query #${i}: ${query.slice(0, 200)}`;
      let decoded: ReturnType<typeof decodeState> | undefined;
      expect(() => {
        decoded = decodeState(`?${query}`);
      }, where).not.toThrow();
      if (!decoded) throw new Error(where);
      if (decoded.notices.length > 0) withNotices += 1;
      for (const n of decoded.notices) expect(urlNoticeText(n, 'en').length, where).toBeGreaterThan(0);
      const { scene, experiment, refusal } = resolveUrlState(decoded.state);
      expect(scene.id, where).toBeTruthy();
      // Whatever the link asks, what gets built fits the model-size budget.
      expect(checkExperimentBudget(experiment), where).toBeNull();
      if (refusal) expect(refusal.factor, where).toBeGreaterThan(1);
      expect(['classify2d', 'surface', 'mnist', 'charlm'], where).toContain(experiment.task.kind);
      expect(experiment.runs.length, where).toBeGreaterThanOrEqual(1);
      expect(experiment.runs.length, where).toBeLessThanOrEqual(MAX_RUNS);
      expect(new Set(experiment.runs.map((run) => run.id)).size, where).toBe(experiment.runs.length);
      for (const run of experiment.runs) {
        expect(() => resolveSpec(run.spec), `${where} / run ${run.id}`).not.toThrow();
        const spec = resolveSpec(run.spec);
        for (const [k, v] of Object.entries(spec))
          if (typeof v === 'number') expect(Number.isNaN(v), `${where} / ${run.id}.${k}`).toBe(false);
      }
      for (const v of Object.values(experiment.seeds)) expect(Number.isInteger(v), where).toBe(true);
      // What the app will write back is itself a link the decoder reads without complaint.
      expect(() => JSON.stringify(experiment), where).not.toThrow();
    }
    // Most of these links have something to refuse, and say so (pure garbage with no key the app owns
    // is left alone, as the codec leaves foreign parameters alone, so not every link gets a notice).
    expect(withNotices).toBeGreaterThan(300);
  });
});

describe('over-budget links (the model-size budget)', () => {
  const links = [
    // The two: 4 runs of a 3.96 M-parameter MLP; a char-GRU whose evaluation needs gigabytes.
    'task=mnist&hidden=1024-1024-1024-1024&run=a:adam&run=b:sadam&run=c:adam&run=d:sadam',
    'task=charlm&hidden=1024&emb=256&seq=256&batch=1024',
    'task=mnist&hidden=1024-1024&batch=1024&run=a:adam&run=b:sadam&run=c:amsgrad&run=d:samsgrad',
    'scene=charlm-sonnets&hidden=1024&seq=256',
  ];
  for (let i = 0; i < 40; i++) {
    // Generated: big layers, big batches, many runs, on every task kind that has a model.
    const r = createRandom(7000 + i);
    const big = () => String(768 + Math.floor(r() * 257));
    const runs = Array.from({ length: 4 }, (_, k) => `run=r${k}:${pick(r, ['adam', 'sadam'])}`);
    links.push(
      i % 2 === 0
        ? `task=mnist&hidden=${[big(), big(), big(), big()].join('-')}&batch=${big()}&${runs.join('&')}`
        : `task=charlm&hidden=${big()}&emb=${Math.floor(128 + r() * 129)}&seq=${Math.floor(128 + r() * 129)}&batch=${big()}`,
    );
  }
  it("are refused with the reason, and the scene's own experiment is built instead", () => {
    for (const link of links) {
      const { state } = decodeState(`?${link}`);
      const { scene, experiment, refusal } = resolveUrlState(state);
      expect(refusal, link).not.toBeNull();
      expect(refusal?.factor, link).toBeGreaterThan(1);
      expect(refusal?.size.totalBytes, link).toBeGreaterThan(refusal?.budgetBytes ?? Infinity);
      expect(experiment, link).toEqual(scene.experiment);
      expect(checkExperimentBudget(experiment), link).toBeNull();
    }
  });
});
