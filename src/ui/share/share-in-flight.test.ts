// A share link opened while an edit is on its way to the engine (change lr, press Share at once) carries
// the edit; the address bar does too; an edit the engine refuses leaves both, with its reason shown.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ControlCommand, EngineClient } from '../../engine/client';
import { MessageError } from '../../engine/messages';
import { sceneById } from '../../engine/scenes';
import type { EngineConnection } from '../../state/engine-connection';
import { createPageStore } from '../../state/page-store';
import { createTrainingController } from '../../state/training-controller';
import { createTrainingStore } from '../../state/training-store';
import { decodeState, resolveUrlState } from '../../state/url/codec';
import { startUrlSync, type UrlSyncWindow, urlStateOf } from '../../state/url/url-sync';
import { shareLink } from './share-links';

beforeAll(() => vi.stubGlobal('document', { baseURI: 'http://x.test/' }));
afterAll(() => vi.unstubAllGlobals());

const moons = sceneById('race-moons');
if (!moons) throw new Error('scene missing');

/** A slow engine: every command of a held type waits until the test answers it (take or refuse). */
function slowEngine(heldTypes: readonly string[]) {
  const held = new Set(heldTypes);
  const sent: ControlCommand[] = [];
  const waiting: { command: ControlCommand; take: () => void; refuse: (reason: string) => void }[] = [];
  const client = {
    listen: vi.fn(),
    send: vi.fn((command: ControlCommand) => {
      sent.push(command);
      if (!held.has(command.type)) return Promise.resolve();
      return new Promise<void>((take, reject) =>
        waiting.push({
          command,
          take,
          refuse: (detail) => reject(new MessageError({ kind: 'engineError', detail })),
        }),
      );
    }),
  } as unknown as EngineClient;
  const connection = {
    client: () => client,
    markExperimentLoaded: vi.fn(),
    restart: vi.fn(async () => ({ backend: 'wasm' })),
  } as unknown as EngineConnection;
  const training = createTrainingStore();
  const controller = createTrainingController(connection, training);
  const next = () => {
    const answer = waiting.shift();
    if (!answer) throw new Error('no command is waiting');
    return answer;
  };
  /** The worker dies: what waits on it fails, then the page's recovery hears of it (engine/client.ts). */
  const die = () => {
    held.clear();
    for (const w of waiting.splice(0)) w.refuse('gone');
    const listeners = vi.mocked(client.listen).mock.calls[0]?.[0];
    listeners?.dead?.({ kind: 'workerCrashed', detail: 'boom' });
  };
  return { training, controller, sent, next, die };
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

const BASE = 'https://example.org/app/';
/** The link the share dialog shows now (share-dialog.tsx builds it the same way). */
const linkNow = (training: ReturnType<typeof createTrainingStore>) => {
  const state = urlStateOf(training.store.getState(), moons.id);
  if (!state) throw new Error('nothing loaded');
  return shareLink(BASE, state);
};
const specOf = (link: string, runId: string) =>
  resolveUrlState(decodeState(new URL(link).search).state).experiment.runs.find((r) => r.id === runId)?.spec;

describe('a share link while an edit is in flight', () => {
  it('carries the edit before the engine answers, and after', async () => {
    const { training, controller, next } = slowEngine(['setSpec']);
    await controller.loadScene(moons);
    const editing = controller.setSpec('adam', { lr: 0.02 });
    expect(specOf(linkNow(training), 'adam')?.lr).toBe(0.02);
    next().take();
    expect(await editing).toBe(true);
    expect(specOf(linkNow(training), 'adam')?.lr).toBe(0.02);
  });

  it('carries edits that wait behind one in flight (merged into one command) and edits of other kinds', async () => {
    const { training, controller, sent, next } = slowEngine(['setSpec', 'reset']);
    await controller.loadScene(moons);
    void controller.setSpec('adam', { lr: 0.02 });
    void controller.setSpec('adam', { beta1: 0.8 }); // waits for the first to be answered
    void controller.setSpec('adam', { lr: 0.05 });
    void controller.reseed({ data: 7, init: 8, batches: 9 });
    const spec = specOf(linkNow(training), 'adam');
    expect(spec).toMatchObject({ lr: 0.05, beta1: 0.8 });
    expect(resolveUrlState(decodeState(new URL(linkNow(training)).search).state).experiment.seeds).toEqual({
      data: 7,
      init: 8,
      batches: 9,
    });
    next().take(); // lr 0.02
    await settle();
    expect(sent.filter((c) => c.type === 'setSpec').at(-1)).toMatchObject({ spec: { beta1: 0.8, lr: 0.05 } });
    expect(specOf(linkNow(training), 'adam')).toMatchObject({ lr: 0.05, beta1: 0.8 });
  });

  it('drops an edit the engine refuses, shows the reason, and keeps the edits after it', async () => {
    const { training, controller, next } = slowEngine(['setSpec']);
    await controller.loadScene(moons);
    const before = specOf(linkNow(training), 'adam')?.lr;
    const refused = controller.setSpec('adam', { lr: 0.02 });
    const kept = controller.setSpec('sgdm', { lr: 0.3 });
    next().refuse('not now');
    expect(await refused).toBe(false);
    expect(specOf(linkNow(training), 'adam')?.lr).toBe(before);
    expect(specOf(linkNow(training), 'sgdm')?.lr).toBe(0.3);
    expect(training.store.getState().error).toEqual({ kind: 'engineError', detail: 'not now' });
    next().take();
    expect(await kept).toBe(true);
    expect(specOf(linkNow(training), 'sgdm')?.lr).toBe(0.3);
  });
});

describe('the address bar while an edit is in flight', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says what the share link says, before the answer and after a refusal', async () => {
    const { training, controller, next } = slowEngine(['setSpec']);
    const search = { value: '' };
    const win: UrlSyncWindow = {
      location: {
        pathname: '/app/',
        get search() {
          return search.value;
        },
        hash: '',
      },
      history: {
        state: null,
        replaceState: (_d, _u, url) => {
          search.value = new URL(String(url), BASE).search;
        },
      },
      setTimeout: (handler, ms) => setTimeout(handler, ms),
      clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
    };
    const page = createPageStore({ sceneId: moons.id, backend: 'auto', language: null });
    const stop = startUrlSync({ training, page }, { window: win });
    await controller.loadScene(moons);
    const refused = controller.setSpec('adam', { lr: 0.02 });
    vi.advanceTimersByTime(300);
    expect(specOf(`${BASE}${search.value}`, 'adam')?.lr).toBe(0.02);
    expect(new URL(linkNow(training)).search).toBe(search.value);
    next().refuse('not now');
    await refused;
    vi.advanceTimersByTime(300);
    expect(specOf(`${BASE}${search.value}`, 'adam')?.lr).not.toBe(0.02);
    expect(new URL(linkNow(training)).search).toBe(search.value);
    stop();
  });
});

describe('a worker that dies with an edit in flight', () => {
  it('is replaced with what the old one had taken, and the link drops the unanswered edit', async () => {
    const { training, controller, sent, die } = slowEngine(['setSpec']);
    await controller.loadScene(moons);
    const before = specOf(linkNow(training), 'adam')?.lr;
    const editing = controller.setSpec('adam', { lr: 0.02 });
    const sentBefore = sent.length;
    die();
    expect(await editing).toBe(false);
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    const resent = sent.slice(sentBefore);
    expect(resent.map((c) => c.type)).toContain('load');
    for (const c of resent) if (c.type === 'setSpec' && c.runId === 'adam') expect(c.spec.lr).toBe(before);
    expect(specOf(linkNow(training), 'adam')?.lr).toBe(before);
  });
});
