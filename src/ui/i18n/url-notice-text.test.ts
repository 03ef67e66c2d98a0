// Every notice a link's decode can give renders in English and in Chinese, with every placeholder filled
// and no English left in the Chinese apart from the user's value, keys, names and symbols.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FormulaProblem } from '../../optim/formula/messages';
import { decodeState } from '../../state/url/codec';
import type { Expected, UrlNotice, UrlNoticeKind, ValueProblem } from '../../state/url/url-notices';
import { loadLanguage } from './translate';
import { urlNoticesText, urlNoticeText } from './url-notice-text';

/** The optimizer library's own words, carried verbatim. */
const DETAIL =
  'eps must be > 0 for adam: with eps = 0 a weight that never saw a gradient gets an infinite A-LR';
const integer: Expected = { kind: 'number', min: 1, max: 1024, integer: true };
const EXPECTED: Expected[] = [
  { kind: 'oneOf', values: ['gru', 'lstm'] },
  integer,
  { kind: 'number', min: 0, max: 5, integer: false },
  { kind: 'layers', maxLayers: 4, unit: integer },
  { kind: 'point', coord: { kind: 'number', min: -5, max: 5, integer: false } },
  { kind: 'flag' },
  { kind: 'names', values: ['caption', 'curves'] },
  { kind: 'origin' },
];
const PROBLEMS: ValueProblem[] = [
  { code: 'notANumber' },
  ...EXPECTED.flatMap((expected): ValueProblem[] => [
    { code: 'notANumber', expected },
    { code: 'invalid', expected },
    { code: 'outOfRange', expected },
  ]),
  { code: 'layersCut', max: 4 },
  { code: 'layersCut', max: 4, unit: integer },
  { code: 'unknownNames', expected: { kind: 'names', values: ['caption', 'curves'] } },
  { code: 'notOrigin' },
  { code: 'specRange', range: { min: 0, max: 1, maxOpen: true } },
  { code: 'specRange', range: { min: 0, max: 1e9, minOpen: true } },
  { code: 'epsZero', optimizer: 'adam' },
  { code: 'refusedBySpec', detail: DETAIL },
];
const formula: FormulaProblem = { code: 'unexpectedChar', at: 4, params: { found: '$' } };
const run = { in: 'run', id: 'fast' } as const;
const change = { in: 'change', step: 200 } as const;
const atRun = { in: 'run', n: 2 } as const;
const atChange = { in: 'at', text: '200:fast:sadamz' } as const;

/** Every kind, in each of its shapes: the Record's keys make the compiler insist on every kind. */
const SAMPLES: { [K in UrlNoticeKind]: Extract<UrlNotice, { kind: K }>[] } = {
  urlTooLong: [{ kind: 'urlTooLong', length: 25_000, max: 20_000 }],
  urlTooManyParams: [{ kind: 'urlTooManyParams', count: 300, max: 200 }],
  urlParamTooLong: [{ kind: 'urlParamTooLong', key: 'run', length: 5000, max: 2000 }],
  urlBadVersion: [{ kind: 'urlBadVersion', text: 'x' }],
  urlNewerVersion: [{ kind: 'urlNewerVersion', version: 2 }],
  urlBadEncoding: [{ kind: 'urlBadEncoding', key: 'scene' }],
  urlUnknownScene: [{ kind: 'urlUnknownScene', text: 'nope', using: 'fig1-mnist' }],
  urlUnknownTask: [
    { kind: 'urlUnknownTask', text: 'vision', expected: EXPECTED[0] as Expected, using: 'mnist' },
  ],
  urlValue: PROBLEMS.flatMap((problem): Extract<UrlNotice, { kind: 'urlValue' }>[] => [
    { kind: 'urlValue', key: 'batch', text: 'abc', problem },
    { kind: 'urlValue', key: 'batch', text: 'abc', problem, using: '32' },
  ]),
  urlRunDuplicate: [{ kind: 'urlRunDuplicate', n: 3, id: 'a' }],
  urlTooManyRuns: [{ kind: 'urlTooManyRuns', id: 'e', max: 4 }],
  urlNoRun: [{ kind: 'urlNoRun' }],
  urlTooManyChanges: [{ kind: 'urlTooManyChanges', max: 16 }],
  urlSpecBadEncoding: [
    { kind: 'urlSpecBadEncoding', where: atRun },
    { kind: 'urlSpecBadEncoding', where: atChange },
  ],
  urlSpecNotPair: [{ kind: 'urlSpecNotPair', where: atRun, text: '%zz' }],
  urlUnknownOptimizer: [
    { kind: 'urlUnknownOptimizer', where: atRun, id: 'x', name: 'adamz', names: ['adam', 'sadam'] },
    { kind: 'urlUnknownOptimizer', where: atChange, id: 'fast', name: 'sadamz', names: ['adam', 'sadam'] },
  ],
  urlBadRunId: [{ kind: 'urlBadRunId', n: 2, text: 'bad id!', using: 'run2' }],
  urlStepRefused: [
    { kind: 'urlStepRefused', where: atChange, problem: { code: 'notANumber', expected: integer } },
  ],
  urlStepClamped: [{ kind: 'urlStepClamped', where: atChange, expected: integer, using: 1024 }],
  urlNoSuchRun: [{ kind: 'urlNoSuchRun', where: atChange, text: 'slow' }],
  urlLabelCut: [
    { kind: 'urlLabelCut', who: run, max: 64 },
    { kind: 'urlLabelCut', who: change, max: 64 },
  ],
  urlPhiRefused: [
    { kind: 'urlPhiRefused', who: run, problem: formula, usingDefault: true },
    { kind: 'urlPhiRefused', who: change, problem: formula, usingDefault: false },
  ],
  urlUnknownSetting: [{ kind: 'urlUnknownSetting', who: run, text: 'lrr' }],
  urlSpecValue: PROBLEMS.flatMap((problem): Extract<UrlNotice, { kind: 'urlSpecValue' }>[] => [
    { kind: 'urlSpecValue', who: run, key: 'lr', text: 'abc', problem, using: '0.001' },
    { kind: 'urlSpecValue', who: change, key: 'lr', text: 'abc', problem },
  ]),
  urlMore: [{ kind: 'urlMore', count: 7 }],
};

/** What may stay as written in Chinese: the sample's values, keys, names, symbols and verbatim details. */
const KEPT =
  /https:\/\/slides\.example\.org|fig1-mnist|sadamz|adamz|adam|sadam|vision|mnist|caption|curves|batch|scene|fast|slow|bad id!|lrr|run\d?|gru|lstm|abc|nope|[a-z]+=/g;

const all = Object.values(SAMPLES).flat() as UrlNotice[];

beforeAll(() => loadLanguage('zh'));

describe('URL notices', () => {
  it.each(all.map((n, i) => [`${n.kind} #${i}`, n] as const))(
    '%s renders in English and in Chinese',
    (_, n) => {
      const en = urlNoticeText(n, 'en');
      const zh = urlNoticeText(n, 'zh');
      for (const text of [en, zh]) {
        expect(text.length).toBeGreaterThan(0);
        expect(text, 'an unfilled placeholder').not.toMatch(/\{\w+\}|undefined|\[object/);
      }
      expect(zh).not.toBe(en);
      expect(zh, 'Chinese text').toMatch(/[\u4e00-\u9fff]/);
      expect(zh.replaceAll(DETAIL, '').replace(KEPT, ''), `English left in: ${zh}`).not.toMatch(
        /[A-Za-z]{4,}/,
      );
    },
  );

  it('words a bad link in either language, quoting the values as typed', () => {
    const { notices } = decodeState('?scene=nope&batch=32.4&run=x:adamz');
    expect(notices.map((n) => n.kind)).toEqual([
      'urlUnknownScene',
      'urlValue',
      'urlUnknownOptimizer',
      'urlNoRun',
    ]);
    const en = urlNoticesText(notices, 'en');
    expect(en).toContain('scene=“nope” is not a scene we know; showing “fig1-mnist”');
    expect(en).toContain('batch=“32.4”: expected a whole number from 1 to 1024; using 32');
    expect(en).toContain(' · ');
    const zh = urlNoticesText(notices, 'zh');
    expect(zh).toContain('scene=“nope” 不是已知场景；改为显示“fig1-mnist”');
    expect(zh).toContain('batch=“32.4”：应为 1 到 1024 之间的整数；改用 32');
    expect(zh).toContain('未知优化器“adamz”');
  });
});
