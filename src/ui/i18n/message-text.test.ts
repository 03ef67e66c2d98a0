// Every typed message code renders in English and in Chinese, with every placeholder filled and no
// English left in the Chinese apart from names, symbols and the verbatim detail the message carries.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendRefusal, EngineMessage, EngineMessageKind, LostGpu } from '../../engine/messages';
import { MessageError, messageOf } from '../../engine/messages';
import type { OverBudget } from '../../engine/model-size';
import { messageText, refusalText } from './message-text';
import { loadLanguage } from './translate';

const DETAIL = 'Failed to compile fragment shader';
const refusals: BackendRefusal[] = [
  { kind: 'backendStopped', backend: 'webgpu' },
  { kind: 'webGpuUnavailable', why: 'noApi' },
  { kind: 'webGpuUnavailable', why: 'noAdapter' },
  { kind: 'webGlUnavailable', why: 'noOffscreenCanvas' },
  { kind: 'webGlUnavailable', why: 'noContext' },
  { kind: 'softwareGpu', backend: 'webgpu', impl: 'SwiftShader' },
  { kind: 'softwareGpu', backend: 'webgl', impl: null },
  { kind: 'backendTimedOut', backend: 'wasm', seconds: 20 },
  { kind: 'backendFailed', backend: 'webgl', detail: DETAIL },
];
const lost: LostGpu[] = [
  { kind: 'webGpuDeviceLost', reason: 'destroyed', detail: DETAIL },
  { kind: 'webGpuDeviceLost', reason: '', detail: '' },
  { kind: 'webGlContextLost' },
];
const stops = [
  { kind: 'workerCrashed', detail: DETAIL },
  { kind: 'workerCrashed', detail: '' },
  { kind: 'workerSilent', seconds: 12 },
  { kind: 'engineStopped' },
] as const;
const over = (part: OverBudget['part']): OverBudget => ({
  code: 'overBudget',
  part,
  size: { paramsPerRun: 3_962_890, runs: 4, totalBytes: 700 * 2 ** 20 } as OverBudget['size'],
  budgetBytes: 320 * 2 ** 20,
  factor: 2.2,
});
const engineError = { kind: 'engineError', detail: DETAIL } as const;
const slow = { backend: 'webgpu', impl: 'SwiftShader' } as const;

/** Every code, in each of its shapes: the Record's keys make the compiler insist on every kind. */
const SAMPLES: { [K in EngineMessageKind]: Extract<EngineMessage, { kind: K }>[] } = {
  backendStopped: [refusals[0] as Extract<EngineMessage, { kind: 'backendStopped' }>],
  webGpuUnavailable: refusals.filter((r) => r.kind === 'webGpuUnavailable'),
  webGlUnavailable: refusals.filter((r) => r.kind === 'webGlUnavailable'),
  softwareGpu: refusals.filter((r) => r.kind === 'softwareGpu'),
  backendTimedOut: refusals.filter((r) => r.kind === 'backendTimedOut'),
  backendFailed: refusals.filter((r) => r.kind === 'backendFailed'),
  backendRequested: [
    { kind: 'backendRequested', backend: 'wasm' },
    { kind: 'backendRequested', backend: 'webgpu', slow },
    { kind: 'backendRequested', backend: 'webgl', slow: { backend: 'webgl', impl: null } },
  ],
  backendAutoFastest: [{ kind: 'backendAutoFastest', backend: 'webgpu' }],
  backendAutoChose: [{ kind: 'backendAutoChose', backend: 'wasm', because: refusals }],
  backendFellBack: [
    { kind: 'backendFellBack', from: 'webgpu', to: 'wasm', because: refusals.slice(1, 3), slow },
  ],
  backendMeasured: [{ kind: 'backendMeasured', backend: 'webgl' }],
  webGpuDeviceLost: lost.filter((l) => l.kind === 'webGpuDeviceLost'),
  webGlContextLost: [{ kind: 'webGlContextLost' }],
  workerCrashed: [stops[0], stops[1]],
  workerSilent: [stops[2]],
  engineStopped: [stops[3]],
  newSeeds: [{ kind: 'newSeeds' }],
  taskChanged: [{ kind: 'taskChanged' }],
  newStart: [{ kind: 'newStart', x: '0.50', y: '-1.25' }],
  engineRestarting: stops.map((stop) => ({ kind: 'engineRestarting', stop })),
  engineRestarted: stops.map((stop) => ({ kind: 'engineRestarted', stop, step: 120 })),
  engineGaveUp: [{ kind: 'engineGaveUp', stop: stops[0], times: 3 }],
  engineNotRestarted: [{ kind: 'engineNotRestarted', stop: stops[2] }],
  restoreFailed: [
    { kind: 'restoreFailed', cause: engineError },
    { kind: 'restoreFailed', cause: { kind: 'engineStopped' } },
  ],
  backendMoving: lost.map((l) => ({ kind: 'backendMoving', lost: l, step: 35 })),
  backendMoved: lost.map((l) => ({ kind: 'backendMoved', lost: l, backend: 'wasm', step: 35 })),
  gpuLostIdle: lost.map((l) => ({ kind: 'gpuLostIdle', lost: l })),
  moveFailed: [
    { kind: 'moveFailed', lost: lost[0] as LostGpu, cause: { kind: 'noBackend', because: refusals } },
  ],
  noBackend: [{ kind: 'noBackend', because: refusals }],
  trainingStopped: [{ kind: 'trainingStopped', cause: engineError }],
  measureFailed: [{ kind: 'measureFailed', cause: engineError }],
  messageUnreadable: [{ kind: 'messageUnreadable' }],
  overBudget: [
    { kind: 'overBudget', over: over('parameters') },
    { kind: 'overBudget', over: over('activations') },
  ],
  customPoints: [
    { code: 'missing' },
    { code: 'lengths', coordinates: 7, labels: 4 },
    { code: 'tooFew', points: 3, min: 4 },
    { code: 'tooMany', points: 20_001, max: 20_000 },
    { code: 'notFinite', coordinate: 5, point: 2 },
    { code: 'badLabel', point: 9, max: 7 },
    { code: 'oneClass', min: 2 },
    { code: 'overflow', axis: 'x', min: -1e308, max: 1e308 },
    { code: 'collapse', axis: 'y', min: 1, max: 1.0000001 },
  ].map((problem) => ({ kind: 'customPoints', problem }) as Extract<EngineMessage, { kind: 'customPoints' }>),
  engineError: [engineError],
};

/** Words that may stay as they are in Chinese: names of products, APIs and symbols. */
const NAMES =
  /WebGPU|WebGL|WASM|SwiftShader|TensorFlow|OffscreenCanvas|Worker|Chromium|navigator\.gpu|requestAdapter|null|--enable-unsafe-webgpu|destroyed|labels|[xy]\b/g;

const all = Object.values(SAMPLES).flat() as EngineMessage[];

beforeAll(() => loadLanguage('zh'));

describe('typed messages', () => {
  it('has samples of every code', () => {
    for (const [kind, samples] of Object.entries(SAMPLES)) expect(samples.length, kind).toBeGreaterThan(0);
  });

  it.each(all.map((m) => [m.kind, m] as const))('%s renders in English and in Chinese', (_kind, message) => {
    const en = messageText(message, 'en');
    const zh = messageText(message, 'zh');
    for (const text of [en, zh]) {
      expect(text.length).toBeGreaterThan(0);
      expect(text, 'an unfilled placeholder').not.toMatch(/\{\w+\}/);
    }
    expect(zh).not.toBe(en);
    expect(zh, 'Chinese text').toMatch(/[\u4e00-\u9fff]/);
    const leftover = zh.replaceAll(DETAIL, '').replace(NAMES, '');
    expect(leftover, `English left in: ${zh}`).not.toMatch(/[A-Za-z]{4,}/);
  });

  it('shows text the code does not own verbatim, after a translated lead', () => {
    expect(messageText(engineError, 'en')).toBe(`Engine error: ${DETAIL}`);
    expect(messageText(engineError, 'zh')).toBe(`引擎错误：${DETAIL}`);
    expect(messageText({ kind: 'trainingStopped', cause: engineError }, 'zh')).toBe(`训练已停止：${DETAIL}`);
  });

  it('words the backend panel’s reason from its refusals, in either language', () => {
    const reason: EngineMessage = {
      kind: 'backendAutoChose',
      backend: 'wasm',
      because: [{ kind: 'softwareGpu', backend: 'webgpu', impl: 'SwiftShader' }],
    };
    expect(messageText(reason, 'en')).toBe(
      'Auto chose WASM because the WebGPU adapter is a software fallback (SwiftShader).',
    );
    expect(messageText(reason, 'zh')).toBe(
      '“自动”选择了 WASM，因为 WebGPU 适配器是软件回退实现（SwiftShader）。',
    );
    expect(refusalText({ kind: 'webGpuUnavailable', why: 'noAdapter' }, 'zh')).toMatch(/^WebGPU 不可用/);
  });

  it('carries a typed message through a thrown error, and anything else as its text', () => {
    const typed: EngineMessage = { kind: 'noBackend', because: [] };
    expect(messageOf(new MessageError(typed))).toBe(typed);
    expect(messageOf(new Error('boom'))).toEqual({ kind: 'engineError', detail: 'boom' });
    expect(messageOf('plain')).toEqual({ kind: 'engineError', detail: 'plain' });
  });
});
