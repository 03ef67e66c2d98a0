/// <reference lib="webworker" />
// The engine's Web Worker: all tfjs work happens here, off the UI thread. Every failure is answered with an
// `error` reply; nothing is allowed to escape as an uncaught error.
import { createAutoChooser } from './auto-chooser';
import { initBackend } from './backends';
import { type AssetLoader, fetchAssetLoader } from './data/asset-loader';
import { loadMnistOnce, loadSonnetsOnce } from './data/load-datasets';
import { exposeEngineStats } from './debug-stats';
import {
  currentGpuDevice,
  forgetBackendInstance,
  gpuLostWithin,
  loseWebglContext,
  watchDeviceLoss,
} from './device-loss';
import { type EngineMessage, type LostGpu, messageOf } from './messages';
import type {
  BackendName,
  BackendPreference,
  BackendReady,
  EngineCommand,
  EngineFault,
  EngineReply,
} from './protocol';
import { fieldBuffers } from './session/field-buffers';
import { transferables } from './session/snapshot';
import { Trainer } from './trainer';

declare const self: DedicatedWorkerGlobalScope;

// The start-up timeline for `npm run bench` (firstStepMs, issue #12): user-timing marks named `engine:*`.
performance.mark('engine:module');

// For `npm run soak` and the heap e2e test: tensor count and bytes, read through the DevTools protocol.
exposeEngineStats(self);

let backend: BackendName | null = null;
/** What the page asked for; a recovery from a lost device explains its choice against it. */
let preference: BackendPreference = 'auto';
let trainer: Trainer | null = null;
let assetBase: string | null = null;
/** The last backend report sent to the page; Auto's measurement amends it. */
let lastReady: BackendReady | null = null;
/** Auto's choice by measuring the loaded scene (issue #12). */
const auto = createAutoChooser({
  trainer: () => trainer,
  backend: () => backend,
  preference: () => preference,
  lastReady: () => lastReady,
  loader: () => (assetBase ? loaderFor(assetBase) : null),
  moved: (now) => {
    backend = now;
    watchDeviceLoss(onDeviceLost);
  },
  report: (ready) => {
    lastReady = ready;
  },
  reply,
});
/** Set by the `crash` test fault: the next uncaught error is let through to the page, as a real crash is. */
let letNextErrorThrough = false;

function reply(message: EngineReply): void {
  self.postMessage(message);
}

/** The trainer for the app's asset base (made on the first `load`, re-made if the base changes). */
function trainerFor(base: string): Trainer {
  if (!trainer || assetBase !== base) {
    trainer?.dispose();
    assetBase = base;
    trainer = new Trainer(
      {
        // Snapshots carry large typed arrays: transfer them, never copy.
        snapshot: (snapshot) =>
          self.postMessage(
            { id: null, type: 'snapshot', snapshot } satisfies EngineReply,
            transferables(snapshot),
          ),
        status: (status) => reply({ id: null, type: 'status', status }),
        error: (detail) => void reportLoopFailure({ kind: 'engineError', detail }),
        // A copy goes to the page (the worker keeps its own for a lost device).
        checkpoint: (checkpoint, experiment) =>
          reply({ id: null, type: 'checkpoint', checkpoint, experiment }),
      },
      loaderFor(base),
    );
  }
  return trainer;
}

let assetLoader: { base: string; load: AssetLoader } | null = null;
/** One loader per asset base: the data sets it decodes are kept per loader (load-datasets.ts). */
function loaderFor(base: string): AssetLoader {
  if (assetLoader?.base !== base) assetLoader = { base, load: fetchAssetLoader(base) };
  return assetLoader.load;
}

function requireTrainer(): Trainer {
  if (!trainer) throw new Error('no experiment is loaded yet: send `load` first');
  return trainer;
}

async function handle(command: EngineCommand): Promise<void> {
  switch (command.type) {
    case 'init': {
      performance.mark('engine:init');
      auto.explicitChoice();
      auto.remember(command.knownRates);
      // The data set downloads and decodes while the backend starts; `load` then finds it decoded.
      if (command.prefetch) {
        const load = command.prefetch.dataset === 'mnist' ? loadMnistOnce : loadSonnetsOnce;
        void load(loaderFor(command.prefetch.assetBase)).catch(() => undefined); // `load` reports failures
      }
      const ready = await initBackend(command.preference);
      backend = ready.backend;
      lastReady = ready;
      preference = command.preference;
      watchDeviceLoss(onDeviceLost);
      reply({ id: command.id, type: 'backendReady', ...ready });
      return;
    }
    case 'selfCheck': {
      if (!backend) throw new Error('the engine has no backend yet: send `init` first');
      // Loaded on first use: the optimizer library (and its kernels) is not needed to show the first screen.
      const { runSelfCheck } = await import('../optim/self-check');
      // Training pauses meanwhile, so that the check's tensor count sees only its own tensors.
      // The engine's own kernels (kernels/kernel-check.ts) join the optimizer's cases.
      const { checkEngineKernels } = await import('./kernels/kernel-check');
      const checkAll = async () => {
        const report = await runSelfCheck();
        const kernels = await checkEngineKernels();
        return {
          ...report,
          cases: [...report.cases, ...kernels],
          passed: report.passed && kernels.every((c) => c.passed),
        };
      };
      const report = trainer ? await trainer.whileStopped(checkAll) : await checkAll();
      reply({ id: command.id, type: 'selfCheckResult', report });
      return;
    }
    case 'migrate': {
      auto.explicitChoice();
      let ready: BackendReady | null = null;
      await requireTrainer().migrate(async () => {
        ready = await initBackend(command.preference);
      });
      if (!ready) throw new Error('the backend switch did not complete');
      backend = (ready as BackendReady).backend;
      lastReady = ready;
      preference = command.preference;
      watchDeviceLoss(onDeviceLost);
      reply({ id: command.id, type: 'backendReady', ...(ready as BackendReady) });
      if (preference === 'auto') void auto.choose();
      return;
    }
    case 'ping':
      reply({ id: command.id, type: 'done' });
      return;
    case 'returnFields':
      fieldBuffers.give(command.buffers);
      reply({ id: command.id, type: 'done' });
      return;
    case 'debugFault':
      makeFault(command.fault);
      reply({ id: command.id, type: 'done' });
      return;
    case 'restore':
      await trainerFor(command.assetBase).restore(
        command.experiment,
        command.snapshotEvery,
        command.checkpoint,
      );
      reply({ id: command.id, type: 'done' });
      if (preference === 'auto') void auto.choose();
      return;
    default:
      if (!backend) throw new Error('the engine has no backend yet: send `init` first');
      if (command.type === 'load') performance.mark('engine:load');
      await control(command);
      if (command.type === 'load') performance.mark('engine:loaded');
      reply({ id: command.id, type: 'done' });
      if ((command.type === 'load' || command.type === 'setTask') && preference === 'auto')
        void auto.choose();
  }
}

/** Training commands: each either completes or throws (answered as an error reply). */
async function control(
  command: Exclude<
    EngineCommand,
    { type: 'init' | 'selfCheck' | 'migrate' | 'ping' | 'debugFault' | 'restore' }
  >,
): Promise<void> {
  switch (command.type) {
    case 'load':
      return trainerFor(command.assetBase).load(command.experiment, command.snapshotEvery);
    case 'play':
      return requireTrainer().play();
    case 'pause':
      return requireTrainer().pause();
    case 'step':
      return requireTrainer().step(command.count);
    case 'reset':
      return requireTrainer().reset(command.seeds);
    case 'setSpec':
      return requireTrainer().setSpec(command.runId, command.spec);
    case 'addRun':
      return requireTrainer().addRun(command.run);
    case 'removeRun':
      return requireTrainer().removeRun(command.runId);
    case 'setTask':
      return requireTrainer().setTask(command.task);
    case 'setSeedCount':
      return requireTrainer().setSeedCount(command.count);
    case 'setShownField':
      return requireTrainer().setShownField(command.field);
    case 'setSpeed':
      return requireTrainer().setSpeed(command.stepsPerTick, command.snapshotEvery);
  }
}

/** The loop stopped on a failure. On a GPU it may be the device or context dying: then the recovery speaks instead. */
async function reportLoopFailure(cause: EngineMessage): Promise<void> {
  if (await gpuLostWithin(1000)) return;
  reply({ id: null, type: 'error', message: { kind: 'trainingStopped', cause } });
}

/**
 * The GPU device is gone: carry on from the last checkpoint on the next backend in the chain (WebGL,
 * WASM, CPU), resuming if training was playing. The page keeps its history and says what happened.
 */
async function onDeviceLost(loss: LostGpu): Promise<void> {
  const lost = backend;
  const saved = trainer?.lastCheckpoint;
  if (!trainer || !saved || !lost) {
    // Nothing was training: the next command starts a backend again through the chain.
    reply({ id: null, type: 'error', message: { kind: 'gpuLostIdle', lost: loss } });
    return;
  }
  reply({ id: null, type: 'recovering', loss, lost, step: saved.step });
  try {
    let ready: BackendReady | null = null;
    const step = await trainer.recoverOnto(async () => {
      ready = await initBackend(preference, lost);
      forgetBackendInstance(lost);
    });
    if (!ready) throw new Error('no backend came up');
    backend = (ready as BackendReady).backend;
    lastReady = ready;
    watchDeviceLoss(onDeviceLost);
    reply({ id: null, type: 'recovered', step, ready });
  } catch (err) {
    reply({ id: null, type: 'error', message: { kind: 'moveFailed', lost: loss, cause: messageOf(err) } });
  }
}

/** Test hook: one of the failures the page must survive. */
function makeFault(fault: EngineFault): void {
  switch (fault) {
    case 'loseDevice': {
      const device = currentGpuDevice();
      if (!device) throw new Error('there is no WebGPU device to lose: the backend is not WebGPU');
      device.destroy();
      return;
    }
    case 'loseContext':
      loseWebglContext();
      return;
    case 'crash':
      letNextErrorThrough = true;
      setTimeout(() => {
        throw new Error('simulated engine crash (test fault)');
      });
      return;
    case 'close':
      // After the reply below has gone out: the page hears nothing more from this worker.
      setTimeout(() => self.close());
      return;
  }
}

self.addEventListener('message', (event: MessageEvent<EngineCommand>) => {
  const command = event.data;
  handle(command).catch((err: unknown) => {
    reply({ id: command.id, type: 'error', message: messageOf(err) });
  });
});

// Last line of defence: report stray failures to the page instead of letting them reach the console.
self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  reply({ id: null, type: 'error', message: messageOf(event.reason) });
});
self.addEventListener('error', (event) => {
  if (letNextErrorThrough) {
    letNextErrorThrough = false;
    return; // reaches the page's Worker `error` event, which restarts the engine
  }
  event.preventDefault();
  reply({ id: null, type: 'error', message: { kind: 'engineError', detail: event.message } });
});
