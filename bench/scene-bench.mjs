// Training speed of every scene in the app itself (production build, `vite preview`, headless Chromium):
//  - app.stepsPerS.<scene>.<backend>: lockstep steps per second while playing (all of the scene's runs
//    step once per step; snapshots and drawing included), from `?scene=<id>&backend=<backend>`. Every
//    scene on WASM; the three model scenes (fig1-mnist, mnist-cnn, charlm-sonnets) on every backend.
//    The rate is counted between two snapshot arrivals ≥ the window apart, after a warm-up.
//  - app.flopRatio.<scene> (the CNN, GRU and LSTM scenes): the scene's FLOP rate on WASM ÷ fig1-mnist's,
//    measured side by side: fig1-mnist runs on WASM again just before the scene, so that both rates
//    share the machine's state (two pages timed minutes apart gave 0.52 in a run where fig1-mnist ran
//    at its fastest and the CNN at its slowest). FLOPs per step are
//    src/engine/tasks/flops.ts's count (6 · forward multiply-adds · batch per run) times the runs.
// The scene list, the configs and the parameter shapes come from the source (Vite SSR), so nothing here
// repeats them.
import { createServer, preview } from 'vite';

const MODEL_SCENES = ['fig1-mnist', 'mnist-cnn', 'charlm-sonnets'];
/** The other model families, whose FLOP rate is compared with fig1-mnist's MLP (app.flopRatio). */
const FLOP_RATIO_SCENES = ['mnist-cnn', 'charlm-sonnets', 'charlm-lstm'];
const ALL_BACKENDS = ['wasm', 'webgl', 'webgpu', 'cpu'];

/** FLOPs per lockstep step of each scene: Σ over its runs of one run's training FLOPs. */
async function sceneWork() {
  const vite = await createServer({
    server: { middlewareMode: true },
    appType: 'custom',
    logLevel: 'warn',
    ssr: { external: ['@tensorflow/tfjs-core'] }, // Node's own loader: tfjs cannot run inlined
  });
  try {
    const { SCENES } = await vite.ssrLoadModule('/src/engine/scenes.ts');
    const { createTask } = await vite.ssrLoadModule('/src/engine/tasks/index.ts');
    const { trainingFlopsPerStep } = await vite.ssrLoadModule('/src/engine/tasks/flops.ts');
    const { nodeAssetLoader, projectPublicDir } = await vite.ssrLoadModule(
      '/src/engine/data/node-asset-loader.ts',
    );
    const loader = nodeAssetLoader(projectPublicDir());
    const work = [];
    for (const scene of SCENES) {
      const { task, seeds, runs } = scene.experiment;
      const built = await createTask(task, seeds, loader);
      const shapes = Object.fromEntries(built.params.map((p) => [p.name, p.shape]));
      work.push({
        id: scene.id,
        flopsPerStep: trainingFlopsPerStep(task, shapes) * runs.length,
        runs: runs.length,
      });
    }
    return work;
  } finally {
    await vite.close();
  }
}

/** Steps per second on the open page: plays, warms up, counts steps between snapshot arrivals. */
function countSteps(page, warmupMs, windowMs) {
  return page.evaluate(
    async ({ warmupMs, windowMs }) => {
      const runs = () => document.querySelector('[data-testid="runs"]');
      const step = () => Number(runs()?.getAttribute('data-step'));
      const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
      /** Waits for the step to change and returns [time, step] at that moment. */
      const nextChange = async (limitMs) => {
        const from = step();
        const t0 = performance.now();
        while (step() === from && performance.now() - t0 < limitMs) await sleep(5);
        return [performance.now(), step()];
      };
      await sleep(warmupMs);
      const [t0, s0] = await nextChange(30_000);
      await sleep(windowMs);
      const [t1, s1] = await nextChange(30_000);
      return { steps: s1 - s0, seconds: (t1 - t0) / 1000 };
    },
    { warmupMs, windowMs },
  );
}

async function measureOne(browser, url, id, backend, quick) {
  // Reduced motion: no first-screen warm-up, so the page waits at step 0 and the click below starts play
  // (during a warm-up the same click would pause it).
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  try {
    const page = await context.newPage();
    await page.goto(`${url}?scene=${id}&backend=${backend}`);
    await page.waitForSelector('[data-testid="runs"][data-step]', { timeout: 120_000 });
    const badge = (await page.getByTestId('backend-badge').textContent())?.trim() ?? '';
    await page.getByTestId('play-pause').click({ timeout: 120_000 }); // a loaded machine starts slowly
    const r = await countSteps(page, quick ? 1_500 : 3_000, quick ? 3_000 : 8_000);
    return { ...r, stepsPerS: r.steps / r.seconds, badge };
  } finally {
    await context.close();
  }
}

/**
 * Measures every scene (or those named in BENCH_SCENES, comma-separated; BENCH_BACKENDS likewise limits
 * the backends); returns { metrics, detail }.
 */
export async function measureScenes(browser, log, quick) {
  const only = process.env.BENCH_SCENES?.split(',').filter(Boolean);
  const onlyBackends = process.env.BENCH_BACKENDS?.split(',').filter(Boolean);
  const work = (await sceneWork()).filter((w) => !only || only.includes(w.id) || w.id === 'fig1-mnist');
  const server = await preview({ logLevel: 'warn', preview: { port: 4185, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  const metrics = {};
  const detail = {};
  const reference = work.find((w) => w.id === 'fig1-mnist');
  /** fig1-mnist's FLOP rate on WASM measured just before scene `id` (its flopRatio's denominator). */
  const besideRate = {};
  try {
    for (const { id, flopsPerStep } of work) {
      const backends = MODEL_SCENES.includes(id) ? ALL_BACKENDS : ['wasm'];
      for (const backend of backends.filter((b) => !onlyBackends || onlyBackends.includes(b))) {
        if (backend === 'wasm' && reference && FLOP_RATIO_SCENES.includes(id) && flopsPerStep > 0) {
          const ref = await measureOne(browser, url, reference.id, 'wasm', quick).catch(() => null);
          detail[`${id}.wasm.reference`] = ref;
          if (ref?.badge.toLowerCase().startsWith('wasm'))
            besideRate[id] = ref.stepsPerS * reference.flopsPerStep;
        }
        const r = await measureOne(browser, url, id, backend, quick).catch((err) => ({ error: String(err) }));
        detail[`${id}.${backend}`] = { ...r, flopsPerStep };
        if (r.error) {
          log(`scenes: ${id} on ${backend}: skipped (${r.error.split('\n')[0]})`);
          continue;
        }
        if (!r.badge.toLowerCase().startsWith(backend)) {
          log(`scenes: ${id} asked for ${backend} but ran on ${r.badge}: not counted`);
          continue;
        }
        metrics[`app.stepsPerS.${id}.${backend}`] = r.stepsPerS;
        const gflops = (r.stepsPerS * flopsPerStep) / 1e9;
        log(
          `scenes: ${id} on ${backend} (${r.badge}): ${r.stepsPerS.toFixed(1)} steps/s, ${gflops.toFixed(2)} GFLOP/s`,
        );
      }
    }
    const rate = (id) =>
      (metrics[`app.stepsPerS.${id}.wasm`] ?? Number.NaN) *
      (work.find((w) => w.id === id)?.flopsPerStep ?? 0);
    for (const { id } of work) {
      const ratio = rate(id) / (besideRate[id] ?? Number.NaN);
      if (Number.isFinite(ratio)) metrics[`app.flopRatio.${id}`] = ratio;
    }
  } finally {
    await new Promise((resolve) => server.httpServer.close(resolve));
  }
  return { metrics, detail };
}
