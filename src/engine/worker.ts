/// <reference lib="webworker" />
// The engine's Web Worker: all tfjs work happens here, off the UI thread. Every failure is answered with an
// `error` reply; nothing is allowed to escape as an uncaught error.
import { initBackend } from './backends';
import { fetchAssetLoader } from './data/asset-loader';
import { exposeEngineStats } from './debug-stats';
import type { BackendName, BackendReady, EngineCommand, EngineReply } from './protocol';
import { transferables } from './session/snapshot';
import { Trainer } from './trainer';
import { errorMessage } from './with-timeout';

declare const self: DedicatedWorkerGlobalScope;

// For `npm run soak` and the heap e2e test: tensor count and bytes, read through the DevTools protocol.
exposeEngineStats(self);

let backend: BackendName | null = null;
let trainer: Trainer | null = null;
let assetBase: string | null = null;

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
        error: (message) => reply({ id: null, type: 'error', message: `training stopped: ${message}` }),
      },
      fetchAssetLoader(base),
    );
  }
  return trainer;
}

function requireTrainer(): Trainer {
  if (!trainer) throw new Error('no experiment is loaded yet: send `load` first');
  return trainer;
}

async function handle(command: EngineCommand): Promise<void> {
  switch (command.type) {
    case 'init': {
      const ready = await initBackend(command.preference);
      backend = ready.backend;
      reply({ id: command.id, type: 'backendReady', ...ready });
      return;
    }
    case 'selfCheck': {
      if (!backend) throw new Error('the engine has no backend yet: send `init` first');
      // Loaded on first use: the optimizer library (and its kernels) is not needed to show the first screen.
      const { runSelfCheck } = await import('../optim/self-check');
      // Training pauses meanwhile, so that the check's tensor count sees only its own tensors.
      const report = trainer ? await trainer.whileStopped(runSelfCheck) : await runSelfCheck();
      reply({ id: command.id, type: 'selfCheckResult', report });
      return;
    }
    case 'migrate': {
      let ready: BackendReady | null = null;
      await requireTrainer().migrate(async () => {
        ready = await initBackend(command.preference);
      });
      if (!ready) throw new Error('the backend switch did not complete');
      backend = (ready as BackendReady).backend;
      reply({ id: command.id, type: 'backendReady', ...(ready as BackendReady) });
      return;
    }
    default:
      if (!backend) throw new Error('the engine has no backend yet: send `init` first');
      await control(command);
      reply({ id: command.id, type: 'done' });
  }
}

/** Training commands: each either completes or throws (answered as an error reply). */
async function control(
  command: Exclude<EngineCommand, { type: 'init' | 'selfCheck' | 'migrate' }>,
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
    case 'setShownField':
      return requireTrainer().setShownField(command.field);
    case 'setSpeed':
      return requireTrainer().setSpeed(command.stepsPerTick, command.snapshotEvery);
  }
}

self.addEventListener('message', (event: MessageEvent<EngineCommand>) => {
  const command = event.data;
  handle(command).catch((err: unknown) => {
    reply({ id: command.id, type: 'error', message: errorMessage(err) });
  });
});

// Last line of defence: report stray failures to the page instead of letting them reach the console.
self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  reply({ id: null, type: 'error', message: `engine: ${errorMessage(event.reason)}` });
});
self.addEventListener('error', (event) => {
  event.preventDefault();
  reply({ id: null, type: 'error', message: `engine: ${event.message}` });
});
