// A link's decode notices (state/url/url-notices.ts) in words, through the string tables: one case per
// code, the user's value quoted as typed (already cut short by the decoder). A φ formula's refusal reuses
// the formula's own strings; a refusal worded by the optimizer library arrives as `detail`, verbatim.
import { problemVars } from '../../optim/formula/messages';
import type { Expected, SpecOwner, SpecWhere, UrlNotice, ValueProblem } from '../../state/url/url-notices';
import { showNumber } from '../../state/url/value-types';
import type { Language } from './language';
import type { StringKey } from './strings-en';
import { translate, type Vars } from './translate';
import './later-strings'; // url.* keys (strings-en-later.ts)

type Say = (key: StringKey, vars?: Vars) => string;

function expectedText(e: Expected, t: Say): string {
  switch (e.kind) {
    case 'oneOf':
      return t('url.expected.oneOf', { values: e.values.join(', ') });
    case 'number':
      return t(e.integer ? 'url.expected.integer' : 'url.expected.number', {
        min: showNumber(e.min),
        max: showNumber(e.max),
      });
    case 'layers':
      return t('url.expected.layers', { max: e.maxLayers, unit: expectedText(e.unit, t) });
    case 'point':
      return t('url.expected.point', { coord: expectedText(e.coord, t) });
    case 'flag':
      return t('url.expected.flag');
    case 'names':
      return t('url.expected.names', { values: e.values.join(', ') });
    case 'origin':
      return t('url.expected.origin');
  }
}

/** A problem as the clause after the value ("is not a number (expected …)"). */
function problemText(p: ValueProblem, t: Say): string {
  switch (p.code) {
    case 'notANumber':
      return p.expected
        ? t('url.problem.notANumberExpected', { expected: expectedText(p.expected, t) })
        : t('url.problem.notANumber');
    case 'invalid':
    case 'outOfRange':
    case 'unknownNames':
      return t(`url.problem.${p.code}`, { expected: expectedText(p.expected, t) });
    case 'layersCut':
      return p.unit
        ? t('url.problem.layersCutClamped', { max: p.max, unit: expectedText(p.unit, t) })
        : t('url.problem.layersCut', { max: p.max });
    case 'notOrigin':
      return t('url.problem.notOrigin');
    case 'specRange': {
      const r = p.range;
      const interval = `${r.minOpen ? '(' : '['}${showNumber(r.min)}, ${showNumber(r.max)}${r.maxOpen ? ')' : ']'}`;
      return t('url.problem.specRange', { interval });
    }
    case 'epsZero':
      return t('url.problem.epsZero', { optimizer: p.optimizer });
    case 'refusedBySpec':
      return t('url.problem.refusedBySpec', { detail: p.detail });
  }
}

const whereText = (w: SpecWhere, t: Say) =>
  w.in === 'run' ? t('url.where.run', { n: w.n }) : t('url.where.at', { text: w.text });

const whoText = (w: SpecOwner, t: Say) =>
  w.in === 'run' ? t('url.who.run', { id: w.id }) : t('url.who.change', { step: w.step });

const outcome = (using: string | undefined, t: Say) =>
  using === undefined ? t('url.ignored') : t('url.using', { value: using });

/** One notice of a link's decode, in `language`. */
export function urlNoticeText(n: UrlNotice, language: Language): string {
  const t: Say = (key, vars) => translate(language, key, vars);
  switch (n.kind) {
    case 'urlTooLong':
    case 'urlTooManyParams':
    case 'urlParamTooLong':
    case 'urlBadVersion':
    case 'urlNewerVersion':
    case 'urlBadEncoding':
    case 'urlUnknownScene':
    case 'urlRunDuplicate':
    case 'urlTooManyRuns':
    case 'urlNoRun':
    case 'urlTooManyChanges':
    case 'urlMore':
      return t(`url.${n.kind.slice(3, 4).toLowerCase()}${n.kind.slice(4)}` as StringKey, { ...n });
    case 'urlUnknownTask':
      return t('url.unknownTask', { text: n.text, expected: expectedText(n.expected, t), using: n.using });
    case 'urlValue':
      return t('url.value', {
        key: n.key,
        text: n.text,
        problem: problemText(n.problem, t),
        outcome: outcome(n.using, t),
      });
    case 'urlSpecBadEncoding':
      return t('url.specBadEncoding', { where: whereText(n.where, t) });
    case 'urlSpecNotPair':
      return t('url.specNotPair', { where: whereText(n.where, t), text: n.text });
    case 'urlUnknownOptimizer':
      return n.where.in === 'run'
        ? t('url.unknownOptimizer.run', {
            where: whereText(n.where, t),
            id: n.id,
            name: n.name,
            names: n.names.join(', '),
          })
        : t('url.unknownOptimizer.at', { where: whereText(n.where, t), name: n.name });
    case 'urlBadRunId':
      return t('url.badRunId', { where: whereText({ in: 'run', n: n.n }, t), text: n.text, using: n.using });
    case 'urlStepRefused':
      return t('url.stepRefused', { where: whereText(n.where, t), problem: problemText(n.problem, t) });
    case 'urlStepClamped':
      return t('url.stepClamped', {
        where: whereText(n.where, t),
        expected: expectedText(n.expected, t),
        value: n.using,
      });
    case 'urlNoSuchRun':
      return t('url.noSuchRun', { where: whereText(n.where, t), text: n.text });
    case 'urlLabelCut':
      return t('url.labelCut', { who: whoText(n.who, t), max: n.max });
    case 'urlPhiRefused':
      return t('url.phiRefused', {
        who: whoText(n.who, t),
        problem: t(`formula.${n.problem.code}` as StringKey, problemVars(n.problem)),
        outcome: n.usingDefault ? t('url.usingDefaultPhi') : t('url.ignored'),
      });
    case 'urlUnknownSetting':
      return t('url.unknownSetting', { who: whoText(n.who, t), text: n.text });
    case 'urlSpecValue':
      return t('url.specValue', {
        key: n.key,
        text: n.text,
        who: whoText(n.who, t),
        problem: problemText(n.problem, t),
        outcome: outcome(n.using, t),
      });
  }
}

/** The page's notice line: every notice in `language`, joined. */
export function urlNoticesText(notices: readonly UrlNotice[], language: Language): string {
  return notices.map((n) => urlNoticeText(n, language)).join(' · ');
}
