// The engine's and the state layer's typed messages (engine/messages.ts) in words, through the string
// tables: one case per code, parameters filled in, nested messages rendered the same way. Text the code
// does not own (a tfjs error, a GPU's reason) arrives as `detail` and is shown as it came.
import { BACKEND_LABELS, type BackendPreference } from '../../engine/backend-names';
import type {
  BackendRefusal,
  CustomPointsProblem,
  EngineMessage,
  EngineStop,
  LostGpu,
  SoftwareGpu,
} from '../../engine/messages';
import type { OverBudget } from '../../engine/model-size';
import type { Language } from './language';
import type { StringKey } from './strings-en';
import { translate, type Vars } from './translate';

type Say = (key: StringKey, vars?: Vars) => string;

const say =
  (language: Language): Say =>
  (key, vars) =>
    translate(language, key, vars);

function backendLabel(name: BackendPreference, t: Say): string {
  return name === 'auto' ? t('backend.auto') : BACKEND_LABELS[name];
}

const implName = (gpu: SoftwareGpu, t: Say) => gpu.impl ?? t('msg.noHardwareGpu');

/** A refusal as a line of the panel's list ("WebGL unavailable: …."). */
function refusalNote(r: BackendRefusal, t: Say): string {
  switch (r.kind) {
    case 'backendStopped':
      return t('msg.backendStopped', { backend: BACKEND_LABELS[r.backend] });
    case 'webGpuUnavailable':
      return t(r.why === 'noApi' ? 'msg.webGpuUnavailable.noApi' : 'msg.webGpuUnavailable.noAdapter');
    case 'webGlUnavailable':
      return t(
        r.why === 'noContext' ? 'msg.webGlUnavailable.noContext' : 'msg.webGlUnavailable.noOffscreenCanvas',
      );
    case 'softwareGpu':
      return t(r.backend === 'webgpu' ? 'msg.softwareGpu.webgpu' : 'msg.softwareGpu.webgl', {
        impl: implName(r, t),
      });
    case 'backendTimedOut':
      return t('msg.backendTimedOut', { backend: BACKEND_LABELS[r.backend], seconds: r.seconds });
    case 'backendFailed':
      return t('msg.backendFailed', { backend: BACKEND_LABELS[r.backend], detail: r.detail });
  }
}

/** A refusal as a clause of the reason ("… because WebGL is unavailable"). */
function refusalClause(r: BackendRefusal, t: Say): string {
  switch (r.kind) {
    case 'backendStopped':
      return t('msg.backendStopped.clause', { backend: BACKEND_LABELS[r.backend] });
    case 'webGpuUnavailable':
      return t('msg.webGpuUnavailable.clause');
    case 'webGlUnavailable':
      return t('msg.webGlUnavailable.clause');
    case 'softwareGpu':
      return t(r.backend === 'webgpu' ? 'msg.softwareGpu.webgpu.clause' : 'msg.softwareGpu.webgl.clause', {
        impl: implName(r, t),
      });
    case 'backendTimedOut':
    case 'backendFailed':
      return t('msg.backendFailed.clause', { backend: BACKEND_LABELS[r.backend] });
  }
}

const slowText = (slow: SoftwareGpu | undefined, t: Say) =>
  slow
    ? t(slow.backend === 'webgpu' ? 'msg.slow.webgpu' : 'msg.slow.webgl', { impl: implName(slow, t) })
    : '';

function stopText(stop: EngineStop, t: Say): string {
  switch (stop.kind) {
    case 'workerCrashed':
      return stop.detail
        ? t('msg.withDetail', { text: t('msg.workerCrashed'), detail: stop.detail })
        : t('msg.workerNotLoaded');
    case 'workerSilent':
      return t('msg.workerSilent', { seconds: stop.seconds });
    case 'engineStopped':
      return t('msg.engineStopped');
  }
}

function lostText(lost: LostGpu, t: Say): string {
  if (lost.kind === 'webGlContextLost') return t('msg.webGlContextLost');
  const text = t('msg.webGpuDeviceLost', { reason: lost.reason || t('msg.unknownReason') });
  return lost.detail ? t('msg.withDetail', { text, detail: lost.detail }) : text;
}

function pointsText(p: CustomPointsProblem, t: Say): string {
  switch (p.code) {
    case 'missing':
      return t('msg.points.missing');
    case 'lengths':
      return t('msg.points.lengths', { ...p, expected: 2 * p.labels });
    case 'tooFew':
    case 'tooMany':
    case 'notFinite':
    case 'badLabel':
    case 'oneClass':
    case 'overflow':
    case 'collapse':
      return t(`msg.points.${p.code}`, p);
  }
}

/** The model-size refusal's words (also the training panel's budget notice). */
export function overBudgetText(over: OverBudget, language: Language): string {
  const mb = (bytes: number) => String(Math.round(bytes / (1024 * 1024)));
  return translate(
    language,
    over.part === 'activations'
      ? 'budget.refusedActivations'
      : over.size.seeds > 1
        ? 'budget.refusedSeeds'
        : 'budget.refusedParameters',
    {
      params: over.size.paramsPerRun.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-US'),
      runs: String(over.size.runs),
      seeds: String(over.size.seeds),
      mb: mb(over.size.totalBytes),
      budget: mb(over.budgetBytes),
      factor: over.factor.toFixed(1),
    },
  );
}

/** A backend refusal as a line of the backend panel's "skipped or failed" list. */
export function refusalText(refusal: BackendRefusal, language: Language): string {
  return refusalNote(refusal, say(language));
}

/** Any typed message of the engine or the state layer, in `language`. */
export function messageText(m: EngineMessage, language: Language): string {
  const t = say(language);
  // A nested cause with no code of its own is shown bare: the outer message is its lead.
  const inner = (cause: EngineMessage) =>
    cause.kind === 'engineError' ? cause.detail : messageText(cause, language);
  const because = (refusals: BackendRefusal[]) => refusals.map((r) => refusalClause(r, t)).join(t('msg.and'));
  switch (m.kind) {
    case 'backendStopped':
    case 'webGpuUnavailable':
    case 'webGlUnavailable':
    case 'softwareGpu':
    case 'backendTimedOut':
    case 'backendFailed':
      return refusalNote(m, t);
    case 'backendRequested':
    case 'backendAutoFastest':
      return t(`msg.${m.kind}`, { backend: BACKEND_LABELS[m.backend], slow: slowText(m.slow, t) });
    case 'backendAutoChose':
      return t('msg.backendAutoChose', {
        backend: BACKEND_LABELS[m.backend],
        because: because(m.because),
        slow: slowText(m.slow, t),
      });
    case 'backendFellBack':
      return t('msg.backendFellBack', {
        from: backendLabel(m.from, t),
        to: BACKEND_LABELS[m.to],
        because: because(m.because),
        slow: slowText(m.slow, t),
      });
    case 'backendMeasured':
      return t('backend.measuredReason', { name: BACKEND_LABELS[m.backend] });
    case 'webGpuDeviceLost':
    case 'webGlContextLost':
      return lostText(m, t);
    case 'workerCrashed':
    case 'workerSilent':
    case 'engineStopped':
      return stopText(m, t);
    case 'newSeeds':
      return t('notice.newSeeds');
    case 'taskChanged':
      return t('notice.taskChanged');
    case 'newStart':
      return t('notice.newStart', { x: m.x, y: m.y });
    case 'engineRestarting':
      return t('notice.engineRestarting', { reason: stopText(m.stop, t) });
    case 'engineRestarted':
      return t('notice.engineRestarted', { reason: stopText(m.stop, t), step: m.step });
    case 'engineGaveUp':
      return t('msg.engineGaveUp', { reason: stopText(m.stop, t), times: m.times });
    case 'engineNotRestarted':
      return t('msg.engineNotRestarted', { reason: stopText(m.stop, t) });
    case 'restoreFailed':
      return t('msg.restoreFailed', { cause: inner(m.cause) });
    case 'backendMoving':
      return t('notice.backendMoving', { message: lostText(m.lost, t), step: m.step });
    case 'backendMoved':
      return t('notice.backendMoved', {
        message: lostText(m.lost, t),
        backend: BACKEND_LABELS[m.backend],
        step: m.step,
      });
    case 'gpuLostIdle':
      return t('msg.gpuLostIdle', { lost: lostText(m.lost, t) });
    case 'moveFailed':
      return t('msg.moveFailed', { lost: lostText(m.lost, t), cause: inner(m.cause) });
    case 'noBackend':
      return t('msg.noBackend', { notes: m.because.map((r) => refusalNote(r, t)).join(' ') });
    case 'trainingStopped':
      return t('msg.trainingStopped', { cause: inner(m.cause) });
    case 'measureFailed':
      return t('msg.measureFailed', { cause: inner(m.cause) });
    case 'messageUnreadable':
      return t('msg.messageUnreadable');
    case 'overBudget':
      return overBudgetText(m.over, language);
    case 'customPoints':
      return pointsText(m.problem, t);
    case 'engineError':
      return t('msg.engineError', { detail: m.detail });
  }
}
