// What a link's decode changed or dropped, as typed codes with parameters (no sentences): the UI words
// each through its string tables (ui/i18n/url-notice-text.ts). A value the user typed is carried as
// typed, cut short (`shortenInput`) so that a huge link cannot flood the page.
import type { FormulaProblem } from '../../optim/formula/messages';
import type { SpecRange } from '../../optim/spec';

/** What a valid value looks like ("a whole number from 1 to 1024"). */
export type Expected =
  | { kind: 'oneOf'; values: readonly string[] }
  | { kind: 'number'; min: number; max: number; integer: boolean }
  | { kind: 'layers'; maxLayers: number; unit: Expected }
  | { kind: 'point'; coord: Expected }
  | { kind: 'flag' }
  | { kind: 'names'; values: readonly string[] }
  | { kind: 'origin' };

/** Why a value was refused (`ok: false`) or changed (a parse's note). */
export type ValueProblem =
  | { code: 'notANumber'; expected?: Expected }
  /** Refused: not one of the names, not the right shape. */
  | { code: 'invalid'; expected: Expected }
  /** Clamped (or rounded) into range. */
  | { code: 'outOfRange'; expected: Expected }
  /** Only the first `max` layers kept; `unit` when a layer size was clamped too. */
  | { code: 'layersCut'; max: number; unit?: Expected }
  /** Some comma-separated names were unknown and left out. */
  | { code: 'unknownNames'; expected: Expected }
  | { code: 'notOrigin' }
  /** Outside the optimizer setting's range (`optim/spec.ts`, SPEC_RANGES). */
  | { code: 'specRange'; range: SpecRange }
  /** ε = 0 for a rule whose denominator is √v + ε (optim/spec.ts, EPS_IN_DENOMINATOR). */
  | { code: 'epsZero'; optimizer: string }
  /** The optimizer library refused the value otherwise; `detail` is its own reason, shown verbatim. */
  | { code: 'refusedBySpec'; detail: string };

/** Where a `run=` or `at=` value sits: the n-th run (1-based), or the change as written. */
export type SpecWhere = { in: 'run'; n: number } | { in: 'at'; text: string };

/** Whose setting it is: a run by id, or a scheduled change by its step. */
export type SpecOwner = { in: 'run'; id: string } | { in: 'change'; step: number };

/** Every notice a decode can give. `text` is the user's value, shortened; `using` what is used instead. */
export type UrlNotice =
  | { kind: 'urlTooLong'; length: number; max: number }
  | { kind: 'urlTooManyParams'; count: number; max: number }
  | { kind: 'urlParamTooLong'; key: string; length: number; max: number }
  | { kind: 'urlBadVersion'; text: string }
  | { kind: 'urlNewerVersion'; version: number }
  | { kind: 'urlBadEncoding'; key: string }
  | { kind: 'urlUnknownScene'; text: string; using: string }
  | { kind: 'urlUnknownTask'; text: string; expected: Expected; using: string }
  /** A value of a schema row refused (`using` absent: ignored) or clamped (`using` the value kept). */
  | { kind: 'urlValue'; key: string; text: string; problem: ValueProblem; using?: string }
  | { kind: 'urlRunDuplicate'; n: number; id: string }
  | { kind: 'urlTooManyRuns'; id: string; max: number }
  | { kind: 'urlNoRun' }
  | { kind: 'urlTooManyChanges'; max: number }
  // Inside a `run=` or `at=` value.
  | { kind: 'urlSpecBadEncoding'; where: SpecWhere }
  | { kind: 'urlSpecNotPair'; where: SpecWhere; text: string }
  | { kind: 'urlUnknownOptimizer'; where: SpecWhere; id: string; name: string; names: readonly string[] }
  | { kind: 'urlBadRunId'; n: number; text: string; using: string }
  | { kind: 'urlStepRefused'; where: SpecWhere; problem: ValueProblem }
  | { kind: 'urlStepClamped'; where: SpecWhere; expected: Expected; using: number }
  | { kind: 'urlNoSuchRun'; where: SpecWhere; text: string }
  | { kind: 'urlLabelCut'; who: SpecOwner; max: number }
  /** `usingDefault`: the run keeps the default φ; else (a scheduled change) the setting is ignored. */
  | { kind: 'urlPhiRefused'; who: SpecOwner; problem: FormulaProblem; usingDefault: boolean }
  | { kind: 'urlUnknownSetting'; who: SpecOwner; text: string }
  /** A setting of a run or a change refused; `using` absent: ignored (a change keeps the run's value). */
  | { kind: 'urlSpecValue'; who: SpecOwner; key: string; text: string; problem: ValueProblem; using?: string }
  /** Notices past MAX_NOTICES, counted. */
  | { kind: 'urlMore'; count: number };

export type UrlNoticeKind = UrlNotice['kind'];
