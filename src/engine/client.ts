// Main-thread handle on the engine worker: a promise per request, matched by id. It also notices when the
// worker dies (its `error` event, or silence while it should be answering pings) and says so. No tfjs here.
import type { SelfCheckReport } from '../optim/self-check-types';
import type { BackendRate } from './auto-choice';
import { makeEngineWorker, takeEarlyWorker } from './early-worker';
import type { ExperimentConfig } from './experiment';
import { type EngineMessage, type EngineStop, type LostGpu, MessageError } from './messages';
import type {
  BackendPreference,
  BackendReady,
  DataPrefetch,
  EngineCommand,
  EngineFault,
  EngineReply,
  TrainerStatus,
} from './protocol';
import type { Checkpoint } from './session/checkpoint-types';
import type { Snapshot } from './session/snapshot-types';
import { type Watchdog, watchWorker } from './watchdog';

/** Training commands answered with a plain `done`. */
export type ControlCommand = Exclude<
  DistributiveOmit<EngineCommand, 'id'>,
  { type: 'init' | 'selfCheck' | 'migrate' | 'ping' | 'debugFault' | 'returnFields' }
>;

export interface EngineListeners {
  snapshot?: (snapshot: Snapshot) => void;
  status?: (status: TrainerStatus) => void;
  checkpoint?: (checkpoint: Checkpoint, experiment: ExperimentConfig) => void;
  /** The backend died under training; the worker is moving the runs back to the checkpoint of `step`. */
  recovering?: (loss: LostGpu, step: number) => void;
  /** …and they carry on from `step` on `ready.backend`. */
  recovered?: (step: number, ready: BackendReady) => void;
  /** Auto started timing the loaded scene on each backend. */
  measuring?: () => void;
  /** …and runs on the fastest; `shapeKey` is what the rates may be cached under. */
  measured?: (shapeKey: string, ready: BackendReady) => void;
  /** The worker is gone (crashed or stopped answering); this client is closed. */
  dead?: (stop: EngineStop) => void;
}

/** Requests during which a busy worker is expected (backend start-up, shader compiles): no watchdog. */
const SLOW_REQUESTS = new Set<EngineCommand['type']>(['init', 'migrate', 'selfCheck']);

type Pending = { resolve: (reply: EngineReply) => void; reject: (err: Error) => void };

export class EngineClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  private listeners: EngineListeners = {};
  private readonly slowPending = new Set<number>();
  private readonly watchdog: Watchdog;

  /** `onStrayError` gets failures no request is waiting for (e.g. the worker crashed between requests). */
  constructor(
    private readonly onStrayError: (message: EngineMessage) => void = () => {},
    makeWorker: () => Worker = () => takeEarlyWorker() ?? makeEngineWorker(),
  ) {
    this.worker = makeWorker();
    this.watchdog = watchWorker({
      ping: () => void this.request({ type: 'ping' }).catch(() => undefined),
      busy: () => this.slowPending.size > 0,
      dead: (silentMs) => this.die({ kind: 'workerSilent', seconds: Math.round(silentMs / 1000) }),
    });
    this.worker.addEventListener('message', (event: MessageEvent<EngineReply>) => {
      this.watchdog.heard();
      this.receive(event.data);
    });
    this.worker.addEventListener('error', (event) => {
      // preventDefault keeps the browser from also logging it: the page says what happened instead.
      event.preventDefault();
      this.die({ kind: 'workerCrashed', detail: event.message || '' });
    });
    this.worker.addEventListener('messageerror', () => this.failAll({ kind: 'messageUnreadable' }));
  }

  async init(
    preference: BackendPreference,
    knownRates?: Record<string, BackendRate[]>,
    prefetch?: DataPrefetch,
  ): Promise<BackendReady> {
    const reply = await this.request({
      type: 'init',
      preference,
      ...(knownRates ? { knownRates } : {}),
      ...(prefetch ? { prefetch } : {}),
    });
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

  /** Hands snapshot field buffers back to the worker (transferred: they are unusable here afterwards). */
  returnFields(buffers: ArrayBuffer[]): void {
    if (buffers.length === 0) return;
    void this.request({ type: 'returnFields', buffers }, buffers).catch(() => undefined);
  }

  /** Moves the running experiment (weights, optimizer state) to another backend in this worker. */
  async migrate(preference: BackendPreference): Promise<BackendReady> {
    const reply = await this.request({ type: 'migrate', preference });
    if (reply.type !== 'backendReady') throw new Error(`unexpected reply '${reply.type}' to migrate`);
    const { id: _id, type: _type, ...ready } = reply;
    return ready;
  }

  /** Test hook (`?debug=1`): makes the worker fail in one of the ways recovery handles. */
  async fault(fault: EngineFault): Promise<void> {
    const reply = await this.request({ type: 'debugFault', fault });
    if (reply.type !== 'done') throw new Error(`unexpected reply '${reply.type}' to debugFault`);
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
    this.watchdog.stop();
    for (const waiter of this.pending.values()) waiter.reject(new MessageError({ kind: 'engineStopped' }));
    this.pending.clear();
    this.worker.terminate();
  }

  // Spreading a union type distributes over it: each command shape keeps its own fields.
  private request(
    command: DistributiveOmit<EngineCommand, 'id'>,
    transfer: Transferable[] = [],
  ): Promise<EngineReply> {
    if (this.closed) return Promise.reject(new MessageError({ kind: 'engineStopped' }));
    const id = this.nextId++;
    const slow = SLOW_REQUESTS.has(command.type);
    if (slow) this.slowPending.add(id);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...command, id } as EngineCommand, transfer);
    });
  }

  private receive(reply: EngineReply): void {
    if (this.unsolicited(reply)) return;
    const waiter = reply.id === null ? undefined : this.pending.get(reply.id);
    if (!waiter) {
      if (reply.type === 'error') this.onStrayError(reply.message);
      return;
    }
    this.pending.delete(reply.id as number);
    this.slowPending.delete(reply.id as number);
    if (reply.type === 'error') waiter.reject(new MessageError(reply.message));
    else waiter.resolve(reply);
  }

  /** Messages the worker sends unasked go to the listeners; returns whether `reply` was one. */
  private unsolicited(reply: EngineReply): boolean {
    const on = this.listeners;
    if (reply.type === 'snapshot') on.snapshot?.(reply.snapshot);
    else if (reply.type === 'status') on.status?.(reply.status);
    else if (reply.type === 'checkpoint') on.checkpoint?.(reply.checkpoint, reply.experiment);
    else if (reply.type === 'recovering') on.recovering?.(reply.loss, reply.step);
    else if (reply.type === 'recovered') on.recovered?.(reply.step, reply.ready);
    else if (reply.type === 'backendMeasuring') on.measuring?.();
    else if (reply.type === 'backendMeasured') on.measured?.(reply.shapeKey, reply.ready);
    else return false;
    return true;
  }

  private failAll(message: EngineMessage): void {
    if (this.closed) return;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    this.slowPending.clear();
    for (const waiter of waiting) waiter.reject(new MessageError(message));
    if (waiting.length === 0) this.onStrayError(message);
  }

  /** The worker is gone: stop it for good, fail what waits on it, and tell whoever restarts the engine. */
  private die(reason: EngineStop): void {
    if (this.closed) return;
    const onDead = this.listeners.dead;
    if (!onDead) {
      // Nobody restarts the engine yet (no experiment): report it as before, and keep the worker.
      this.failAll(reason);
      return;
    }
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const waiter of waiting) waiter.reject(new MessageError(reason));
    this.dispose();
    onDead(reason);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
