// Main-thread handle on the engine worker: a promise per request, matched by id. No tfjs here.
import type { SelfCheckReport } from '../optim/self-check';
import type { BackendPreference, BackendReady, EngineCommand, EngineReply, TrainerStatus } from './protocol';
import type { Snapshot } from './session/snapshot-types';

/** Training commands answered with a plain `done`. */
export type ControlCommand = Exclude<
  DistributiveOmit<EngineCommand, 'id'>,
  { type: 'init' | 'selfCheck' | 'migrate' }
>;

export interface EngineListeners {
  snapshot?: (snapshot: Snapshot) => void;
  status?: (status: TrainerStatus) => void;
}

type Pending = { resolve: (reply: EngineReply) => void; reject: (err: Error) => void };

export class EngineClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  private listeners: EngineListeners = {};

  /** `onStrayError` gets failures no request is waiting for (e.g. the worker crashed between requests). */
  constructor(private readonly onStrayError: (message: string) => void = () => {}) {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.worker.addEventListener('message', (event: MessageEvent<EngineReply>) => this.receive(event.data));
    this.worker.addEventListener('error', (event) => {
      // preventDefault keeps the browser from also logging it: we show it in the page instead.
      event.preventDefault();
      this.failAll(`the engine worker crashed: ${event.message || 'it could not be loaded'}`);
    });
    this.worker.addEventListener('messageerror', () =>
      this.failAll('a message from the engine was unreadable'),
    );
  }

  async init(preference: BackendPreference): Promise<BackendReady> {
    const reply = await this.request({ type: 'init', preference });
    if (reply.type !== 'backendReady') throw new Error(`unexpected reply '${reply.type}' to init`);
    const { id: _id, type: _type, ...ready } = reply;
    return ready;
  }

  /** Snapshots and status updates the worker sends unasked. */
  listen(listeners: EngineListeners): void {
    this.listeners = listeners;
  }

  /** A training command (load, play, pause, step, reset, setSpec, …); rejects with the engine's reason. */
  async send(command: ControlCommand): Promise<void> {
    const reply = await this.request(command);
    if (reply.type !== 'done') throw new Error(`unexpected reply '${reply.type}' to ${command.type}`);
  }

  /** Moves the running experiment (weights, optimizer state) to another backend in this worker. */
  async migrate(preference: BackendPreference): Promise<BackendReady> {
    const reply = await this.request({ type: 'migrate', preference });
    if (reply.type !== 'backendReady') throw new Error(`unexpected reply '${reply.type}' to migrate`);
    const { id: _id, type: _type, ...ready } = reply;
    return ready;
  }

  async selfCheck(): Promise<SelfCheckReport> {
    const reply = await this.request({ type: 'selfCheck' });
    if (reply.type !== 'selfCheckResult') throw new Error(`unexpected reply '${reply.type}' to selfCheck`);
    return reply.report;
  }

  /** Stops the worker (and with it every tensor and GPU device it held); pending requests are rejected. */
  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    for (const waiter of this.pending.values()) waiter.reject(new Error('the engine was stopped'));
    this.pending.clear();
    this.worker.terminate();
  }

  // Spreading a union type distributes over it: each command shape keeps its own fields.
  private request(command: DistributiveOmit<EngineCommand, 'id'>): Promise<EngineReply> {
    if (this.closed) return Promise.reject(new Error('the engine was stopped'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...command, id } as EngineCommand);
    });
  }

  private receive(reply: EngineReply): void {
    if (reply.type === 'snapshot' || reply.type === 'status') {
      if (reply.type === 'snapshot') this.listeners.snapshot?.(reply.snapshot);
      else this.listeners.status?.(reply.status);
      return;
    }
    const waiter = reply.id === null ? undefined : this.pending.get(reply.id);
    if (!waiter) {
      if (reply.type === 'error') this.onStrayError(reply.message);
      return;
    }
    this.pending.delete(reply.id as number);
    if (reply.type === 'error') waiter.reject(new Error(reply.message));
    else waiter.resolve(reply);
  }

  private failAll(message: string): void {
    if (this.closed) return;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const waiter of waiting) waiter.reject(new Error(message));
    if (waiting.length === 0) this.onStrayError(message);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
