// Auto's measurement (issue #12): a few real steps of the loaded experiment on each backend that starts,
// inside one budget (MEASURE_BUDGET_MS) shared out among them. Runs in the worker with training stopped;
// the backend that was active is active again afterwards. The choice itself is auto-choice.ts's.
// The budget bounds the whole wall time: every awaited phase (a backend's start, its session's build, its
// steps) races one deadline, and a reserve at the end pays for switching back and disposing. Synchronous
// work (a WASM step, a WebGL shader compile) cannot be interrupted, so steps are only queued when their
// predicted time fits.
import * as tf from '@tensorflow/tfjs-core';
import { type BackendRate, MEASURE_BUDGET_MS, nextSlice } from './auto-choice';
import { abandonStart, start } from './backends';
import type { AssetLoader } from './data/asset-loader';
import { errorMessage } from './error-message';
import type { ExperimentConfig } from './experiment';
import { probeWebGl } from './probe-webgl';
import { probeWebGpu, type WebGpuProbe } from './probe-webgpu';
import type { BackendName } from './protocol';
import { Session } from './session/session';
import { isSoftwareAdapter } from './software-gpu';

/** Kept back from the budget for what follows the last backend: switching back to `current`, disposing. */
export const CLEANUP_RESERVE_MS = 100;

/** A backend not yet started is not started with less of the budget left than this (it could not finish). */
const MIN_START_SLICE_MS = 150;

/**
 * What a software WebGL (SwiftShader) needs beyond its start before it can time a step: its first step
 * uploads the task's data to textures and builds every pipeline at the first draw, synchronously, so no
 * deadline can stop it once begun (fig1-mnist: 1.1–2.9 s under load, docs/backends.md). With less of
 * its slice left it is `tooSlow` without starting; a hardware WebGL compiles in a fraction of this.
 */
const SOFTWARE_WEBGL_FIRST_STEP_MS = 800;

/** At most this many timed steps per backend: enough for a rate, little enough to stay in budget. */
const MAX_TIMED_STEPS = 16;

/** Timed steps stop after about this long: a fast backend needs no more for its rate, a slow one gets the rest. */
const MAX_TIMED_MS = 250;

/** Queued steps are predicted to take at most this share of what is left (their rate varies a little). */
const STEP_MARGIN = 0.8;

const OUT_OF_TIME = Symbol('out of time');

/** `work`, or OUT_OF_TIME at `deadline`; work left behind is let finish (its failure is dropped). */
async function until<T>(work: Promise<T>, deadline: number): Promise<T | typeof OUT_OF_TIME> {
  work.catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const clock = new Promise<typeof OUT_OF_TIME>((resolve) => {
    timer = setTimeout(() => resolve(OUT_OF_TIME), Math.max(0, deadline - performance.now()));
  });
  try {
    return await Promise.race([work, clock]);
  } finally {
    clearTimeout(timer);
  }
}

/** A user-timing mark per phase of one backend's measurement (the worker's timeline, bench/app-bench.mjs). */
function mark(backend: BackendName, phase: string): void {
  performance.mark(`engine:auto-${backend}-${phase}`);
}

export interface Measurement {
  rates: BackendRate[];
  /** Wall time of the whole measurement, cleanup included: at most the budget, but for synchronous overruns. */
  ms: number;
}

/**
 * Measures `candidates` (the `current` backend first, then the others, cheapest to start first) on
 * `experiment`, then sets `current` again. Each backend's slice covers its start, its session's build, its
 * first step (shader compiles) and its timed steps; one that does not get through them in time is
 * `tooSlow`. The slices end CLEANUP_RESERVE_MS before the budget does.
 */
export async function measureBackends(
  experiment: ExperimentConfig,
  loader: AssetLoader,
  current: BackendName,
  candidates: readonly BackendName[],
  budgetMs = MEASURE_BUDGET_MS,
): Promise<Measurement> {
  const began = performance.now();
  const end = began + Math.max(0, budgetMs - CLEANUP_RESERVE_MS);
  const order = [current, ...candidates.filter((b) => b !== current)];
  const rates: BackendRate[] = [];
  // The running backend's first step, measured first: what one step's synchronous work costs on this
  // machine now (its load included), the least a later backend must have left to begin one.
  let syncStepMs = 0;
  // Asked for at once, alongside the first backends' steps: the adapter (and whether it is software)
  // is then known when WebGPU's turn comes, however little of the budget is left by then.
  const webGpuProbe = order.includes('webgpu') ? probeWebGpu() : undefined;
  webGpuProbe?.catch(() => undefined);
  try {
    for (const [i, backend] of order.entries()) {
      const slice = nextSlice(end - performance.now(), order.length - i);
      const running = backend === current;
      const one = await measureOne(backend, running, experiment, loader, performance.now() + slice, {
        syncStepMs,
        webGpuProbe,
      });
      rates.push(one.rate);
      if (running) syncStepMs = one.firstStepMs ?? 0;
    }
  } finally {
    if (tf.getBackend() !== current) await tf.setBackend(current);
  }
  return { rates, ms: Math.round(performance.now() - began) };
}

/** What the measurement learnt before a backend's turn. */
interface Known {
  syncStepMs: number;
  webGpuProbe: Promise<WebGpuProbe> | undefined;
}

async function measureOne(
  backend: BackendName,
  running: boolean,
  experiment: ExperimentConfig,
  loader: AssetLoader,
  deadline: number,
  known: Known,
): Promise<{ rate: BackendRate; firstStepMs?: number }> {
  let firstStepMs: number | undefined;
  const rate = await measureRate(backend, running, experiment, loader, deadline, known, (ms) => {
    firstStepMs = ms;
  });
  return { rate, ...(firstStepMs === undefined ? {} : { firstStepMs }) };
}

async function measureRate(
  backend: BackendName,
  running: boolean,
  experiment: ExperimentConfig,
  loader: AssetLoader,
  deadline: number,
  { syncStepMs, webGpuProbe }: Known,
  firstStepTook: (ms: number) => void,
): Promise<BackendRate> {
  let software = false;
  // Synchronous work (a step's issue, its upload) cannot be stopped: begun only with this much time left.
  const noRoomForStep = () => !running && deadline - performance.now() < syncStepMs;
  const failed = (reason: string): BackendRate => ({ backend, software, status: 'failed', reason });
  const tooSlow = (stepsPerS?: number): BackendRate => ({
    backend,
    software,
    status: 'tooSlow',
    ...(stepsPerS === undefined ? {} : { stepsPerS }),
  });
  mark(backend, 'begin');
  try {
    if (backend === 'webgpu') {
      const probe = await until(webGpuProbe ?? probeWebGpu(), deadline);
      if (probe === OUT_OF_TIME) return tooSlow();
      if (!probe.ok) return failed(probe.why);
      software = isSoftwareAdapter(probe.adapter);
      // Never started (docs/backends.md): on the CPU it cannot beat WASM, and its pipelines, compiled in
      // the GPU process that also draws the page, held the display still for 5-11 s after the slice ended.
      if (software) return { backend, software, status: 'notStarted', why: 'softwareWebGpu' };
    } else if (backend === 'webgl') {
      const probe = probeWebGl();
      if (!probe.ok) return failed(probe.why);
      software = probe.software;
    }
    const needs = MIN_START_SLICE_MS + (backend === 'webgl' && software ? SOFTWARE_WEBGL_FIRST_STEP_MS : 0);
    if (!running && deadline - performance.now() < needs) return tooSlow();
    if (running) {
      if (!(await tf.setBackend(backend))) return failed('tfjs refused to switch back to it');
    } else {
      let wanted = true;
      if (
        (await until(
          start(backend, true, () => wanted),
          deadline,
        )) === OUT_OF_TIME
      ) {
        wanted = false;
        abandonStart(backend);
        return tooSlow();
      }
    }
  } catch (err) {
    return failed(errorMessage(err));
  }
  mark(backend, 'started');
  let session: Session;
  try {
    const built = await buildWithin(experiment, loader, deadline);
    if (built === OUT_OF_TIME) return tooSlow();
    session = built;
  } catch (err) {
    return failed(errorMessage(err));
  }
  mark(backend, 'built');
  try {
    // The first step compiles (GPU shaders, WASM kernels' first use): it is paid, never timed.
    if (noRoomForStep()) return tooSlow();
    const first = performance.now();
    session.advance(1);
    const settled = await until(session.settle(), deadline);
    // Known even when it ran out of time (then at least this long).
    firstStepTook(performance.now() - first);
    if (settled === OUT_OF_TIME) return tooSlow();
    mark(backend, 'compiled');
    const t0 = performance.now();
    session.advance(1);
    if ((await until(session.settle(), deadline)) === OUT_OF_TIME) return tooSlow();
    const oneMs = Math.max(performance.now() - t0, 0.01);
    // As many more steps as fit in what is left of the slice, queued together as the training loop does.
    const timedWindow = Math.min(MAX_TIMED_MS - oneMs, deadline - performance.now());
    const more = Math.max(0, Math.min(MAX_TIMED_STEPS - 1, Math.floor((STEP_MARGIN * timedWindow) / oneMs)));
    if (more > 0) {
      session.advance(more);
      if ((await until(session.settle(), deadline)) === OUT_OF_TIME) return tooSlow(1000 / oneMs);
    }
    mark(backend, 'timed');
    const steps = 1 + more;
    return {
      backend,
      software,
      status: 'measured',
      stepsPerS: (1000 * steps) / (performance.now() - t0),
      steps,
    };
  } catch (err) {
    return failed(errorMessage(err));
  } finally {
    session.dispose();
  }
}

/** The experiment's session on the current backend, or OUT_OF_TIME; one built too late is disposed then. */
async function buildWithin(
  experiment: ExperimentConfig,
  loader: AssetLoader,
  deadline: number,
): Promise<Session | typeof OUT_OF_TIME> {
  const building = Session.create(experiment, loader);
  const built = await until(building, deadline);
  if (built === OUT_OF_TIME) building.then((s) => s.dispose()).catch(() => undefined);
  return built;
}
