/// <reference lib="webworker" />
// The engine's Web Worker: all tfjs work happens here, off the UI thread. Every failure is answered with an
// `error` reply; nothing is allowed to escape as an uncaught error.
import { initBackend } from './backends';
import type { BackendName, EngineCommand, EngineReply } from './protocol';
import { errorMessage } from './with-timeout';

declare const self: DedicatedWorkerGlobalScope;

let backend: BackendName | null = null;

function reply(message: EngineReply): void {
  self.postMessage(message);
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
      reply({ id: command.id, type: 'selfCheckResult', report: await runSelfCheck() });
      return;
    }
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
