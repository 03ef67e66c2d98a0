// Every user-visible string of the UI, in English. `{name}` marks a placeholder that `t()` fills; a few
// strings carry <code>, <em>, <strong> or <sup> for the `Rich` renderer. strings-zh.ts must give every
// key with the same placeholders (strings.test.ts checks it). Strings the first screen never shows live in
// strings-en-later.ts and come with the lazy parts that show them.
// Over 300 lines because it is a table, one line per string.

import { FORMULA_EN } from '../../optim/formula/messages';
import type { EN_LATER } from './strings-en-later';

export const EN = {
  // Header, footer, app-level notices
  'app.tagline': 'adaptive learning rates, seen per parameter',
  'app.unknownBackend':
    'Unknown backend “{value}” in the URL (expected auto, webgpu, webgl, wasm or cpu); using Auto.',
  'app.footer':
    'Reference: Q. Tong, G. Liang, J. Bi, arXiv:1908.00700. Computation runs locally with TensorFlow.js.',
  'app.shortcutsButton': 'Keyboard shortcuts (?)',
  'language.label': 'Language',

  // Backend badge, picker and panel
  'backend.picker': 'Backend',
  'backend.auto': 'Auto',
  'backend.badgeNone': 'no backend',
  'backend.badgeStarting': 'starting…',
  'backend.title': 'Compute backend',
  'backend.failed': 'No TensorFlow.js backend could start: {error}',
  'backend.starting': 'Starting TensorFlow.js in a Web Worker…',
  'backend.stray': 'The engine reported: {error}',
  'backend.adapter': 'WebGPU adapter: {name}',
  'backend.adapterUnnamed': 'unnamed',
  'backend.adapterFallback': ' — software fallback adapter',
  'backend.skipped': 'Skipped or failed',
  'backend.readyIn': 'Ready in {ms} ms, in a Web Worker (the page stays responsive).',
  'backend.measuring': 'Auto is timing a few steps of this scene on each backend…',
  'backend.measuredReason': 'Auto timed this scene on each backend: {name} is the fastest here.',
  'backend.measuredLabel': 'Measured steps/s',
  'backend.measuredIn': 'Measured in {ms} ms, once per scene shape; kept in this browser.',
  'backend.measuredCached': 'Measured earlier in this browser for this scene shape.',
  'backend.softwareName': '{name} (software)',
  'backend.rate': '{name} {rate}/s',
  'backend.rateReached': '{name} ~{rate}/s (too slow to finish)',
  'backend.rateTooSlow': '{name} too slow to measure',
  'backend.rateFailed': '{name} did not start',
  'backend.rateNotStarted': '{name} not measured (it would hold the display still while it compiles)',
  'backend.wasmThreads': 'WASM runs on {threads} threads (the page is cross-origin isolated).',
  'backend.wasmOneThread': 'WASM runs on one thread.',
  'backend.wasmThreadedOne':
    'WASM runs its threaded build on one thread: tfjs uses half the cores (here one), leaving the rest to the page.',
  'backend.wasmOff': 'WASM runs on one thread: this build has WebAssembly threads switched off.',
  'backend.wasmNotIsolated':
    'WASM runs on one thread: the page is not cross-origin isolated (the server sends no COOP/COEP headers).',
  'backend.wasmUnsupported': 'WASM runs on one thread: this browser offers no WebAssembly threads.',
  'backend.wasmTimeout': 'WASM runs on one thread: the threaded build did not start within {seconds} s.',
  'backend.wasmFailed': 'WASM runs on one thread: the threaded build failed to start ({error}).',
  'backend.wasmFewCores':
    'WASM runs its single-threaded build: tfjs uses half the cores, here one thread, so the threaded build would only start slower (threads need 4 or more cores).',

  // Training controls (header and embed bar)
  'controls.toolbar': 'Training controls',
  'controls.scene': 'Scene',
  'controls.play': '▶ Play',
  'controls.pause': '❚❚ Pause',
  'controls.step': 'Step ›',
  'controls.reset': '↺ Reset',
  'controls.speed': 'speed',
  'controls.speedHint': 'steps per tick: how far training runs ahead between snapshots',
  'controls.stepCount': 'step {step}',
  'controls.sceneStep': '{title} · step {step}',

  // Training panel
  'training.title': 'Training',
  'training.addRun': '+ Add a run (SAMSGrad, from the shared initial weights)',
  'training.curves': 'Training curves',
  'training.softplus': 'Calibration φ(z)',
  'training.taskView': 'Task view',
  'training.loading': 'Loading the scene…',
  'training.error': '{message}',
  'notice.dismiss': 'Dismiss notice',
  'notice.newSeeds': 'New seeds: training restarted from new initial weights.',
  'notice.taskChanged': 'Task or model changed: the runs restarted from step 0.',
  'notice.newStart': 'New start point ({x}, {y}): the runs restarted.',
  'notice.engineRestarting': 'The engine stopped ({reason}). Restarting it…',
  'notice.engineRestarted':
    'The engine stopped unexpectedly ({reason}). It was restarted and the runs restored from step {step}, the last checkpoint; the charts keep their history.',
  'notice.backendMoving':
    '{message}. Moving training to another backend, from step {step} (the last checkpoint)…',
  'notice.backendMoved':
    '{message}. Training moved to {backend} and carries on from step {step}, the last checkpoint; the charts keep their history.',

  // Experiment drawer
  'drawer.title': 'Experiment settings',
  'drawer.summary': '— {task}, seeds {data}/{init}/{batches}',

  // Fields the heatmaps can show
  'field.adaptiveRate': 'A-LR',
  'field.effectiveStep': 'effective step',
  'field.sqrtSecondMoment': '√v',
  'field.absFirstMoment': '|m|',
  'field.adaptiveRateLong': 'A-LR 1/denom',
  'field.effectiveStepLong': 'effective step (lr × bias × A-LR)',

  // Tasks (task-form)
  'task.mnist': 'MNIST digits',
  'task.classify2d': '2-D classification',
  'task.surface': '2-D loss surface',
  'task.charlm': 'Character language model',
  'task.hiddenCount': 'give 1 to 4 layer sizes, e.g. “128, 64”',
  'task.hiddenUnits': 'each layer needs a whole number of units from 1 to 1024',
  'task.batchSize': 'batch size must be a whole number from 1 to 1024',
  'task.describeCnn': 'MNIST · LeNet-style CNN',
  'task.describeMlp': 'MNIST · MLP 784-{hidden}-10',
  'task.describe2d': '{dataset} · MLP 2-{hidden}',
  'task.describeCustom': 'Custom points ({points}) · MLP 2-{hidden}',
  'task.describeSurface': '{surface} surface',
  'task.describeCharlm': 'Sonnets · {cell} {hidden}',
  'dataset.spirals': 'spirals',
  'dataset.moons': 'moons',
  'dataset.circles': 'circles',
  'dataset.xor': 'xor',
  'dataset.blobs': 'blobs',
  'dataset.custom': 'custom',
  'surface.rosenbrock': 'rosenbrock',
  'surface.quadratic': 'quadratic',
  'surface.beale': 'beale',
  'surface.saddle': 'saddle',
  'surface.two-scales': 'two gradient scales',
  'surface.plateau': 'plateau',
  'surface.noisy-valley': 'noisy flat valley',

  // Number fields and the hyperparameter editor
  'field.notANumber': '“{text}” is not a number',
  'spec.lr': 'lr',
  'spec.softplusBeta': 'β (softplus)',
  'spec.weightDecay': 'weight decay',
  'spec.invalid': '{reason}',
  'spec.convention': 'convention',
  'spec.conventionOfficial': 'official (authors’ code: bias in the step)',
  'spec.conventionTextbook': 'textbook (Kingma–Ba: v̂ in the denominator)',

  // Run card
  'run.optimizerOf': 'Optimizer of {label}',
  'run.remove': 'Remove the run {label}',
  'run.removeTitle': 'Remove this run',
  'run.ordersTitle': 'log10 of max/min A-LR: how many orders of magnitude the per-parameter step sizes span',
  'run.maxMin': 'max/min A-LR',
  'run.alrRange': 'A-LR range',
  'run.ceiling': 'A-LR ceiling',
  'run.ceilingTitle': 'the largest A-LR this rule can reach: 1/ε, β/ln 2, ε^(−2p) or 1',
  'run.median': 'median A-LR',
  'run.trainLoss': 'train loss',
  'run.testLoss': 'test loss',
  'run.testAccuracy': 'test accuracy',
  'run.edit': 'Edit hyperparameters',
  'run.editLoading': 'Loading the settings…',
  'run.diverged':
    'Diverged at step {step} (loss became NaN/∞). The other runs go on; Reset brings this one back.',

  // Intro
  'intro.title': "Adam's step size is different for every parameter",
  'intro.body':
    "Adam divides each coordinate's step by <code>√v + ε</code>, so its <em>adaptive learning rate</em> (A-LR) <code>1/(√v + ε)</code> can differ by many orders of magnitude across one network: a weight that never sees a gradient sits at <code>1/ε = 10⁸</code>. Sadam and SAMSGrad (Tong, Liang & Bi, “Calibrating the Adaptive Learning Rate to Improve Convergence of ADAM”) replace the denominator with <code>softplus_β(√v)</code>, which caps the A-LR at <code>β / ln 2</code>.",
  'intro.adamBound': 'at most 1/ε = 10<sup>8</sup>',
  'intro.sadamBound': 'at most β / ln 2 ≈ 72',
  'intro.live':
    "Above, small networks train live in your browser, in lockstep: the same initial weights and the same batches for every run, so the only difference is the optimizer. Press play and watch the max/min A-LR of each run, its A-LR heatmaps (one 28×28 tile per hidden unit on MNIST) and the paper's Figure 1 chart.",

  // Error boundary
  'error.title': 'Something went wrong',
  'error.reload': 'Reload',

  // Charts
  'chart.alrAria': 'A-LR percentiles over training steps',
  'chart.alrLegend': 'A-LR percentiles (log):',
  'chart.median': 'median',
  'chart.minMax': 'min / max',
  'chart.ceiling': 'ceiling',
  'chart.ceilingLabel': 'ceiling {bound}',
  'chart.histAria': 'Histogram of the A-LR (log scale)',
  'chart.histLegend': 'share of parameters per A-LR bin (log)',
  'chart.curvesAria': 'Loss and accuracy over training steps',
  'chart.loss': 'loss',
  'chart.testAccuracy': 'test accuracy',
  'chart.logTitle': '{title} (log)',
  'chart.diverged': 'diverged',
  'chart.divergedAt': 'diverged at step {step} (loss became NaN/∞)',
  'chart.divergedLegend': ' diverged @ {step}',
  'chart.train': 'train',
  'chart.test': 'test',
  'chart.phiAria':
    'φ(z), the denominator of the A-LR = 1/φ(z), for every run on log axes, with the z = √v its weights sit at and the A-LR band that follows: {summary}',
  'chart.phiBand': '{label}: A-LR spans {decades} decades',
  'chart.phiLane': '{label}: z = √v of its weights from {min} to {max}, median {p50}',
  'chart.phiRange': 'A-LR {low} … {high} ({decades} decades)',
  'chart.denominator': 'denominator',
  'chart.boundaryAria': 'Decision boundary of {label}',
  'chart.digit': 'digit',
  'chart.noPrediction': 'no prediction yet',
  'chart.predicted': 'predicted {predicted}, true {truth}',
  'chart.contoursAria': "Contours of the {surface} surface with the optimizers' paths",
  'chart.clickToStart': 'Click to start the runs from here',
  'chart.start': 'start',
  'chart.minimum': 'minimum',
  'chart.pickHint': 'click the plot to pick a new start',

  // Heatmaps
  'heatmap.noData': 'no data',
  'heatmap.scalar': 'scalar',
  'heatmap.tileCell': 'unit {unit}, pixel ({row}, {col})',
  'heatmap.op.max': 'max',
  'heatmap.op.min': 'min',
  'heatmap.op.mean': 'mean',
  'heatmap.eachPixel': 'each pixel: {op} of {n}×{n} cells',
  'heatmap.setsIt': '; this is the cell that sets it',
  'heatmap.sparkTitle': 'A-LR over steps (log)',
  'heatmap.noHistory': 'no history yet',
  'heatmap.sparkAria': 'A-LR over steps {first} to {last}, log scale, from {lo} to {hi}',
  'heatmap.arrTiles': 'one {rows}×{cols} tile per unit, {units} units',
  'heatmap.arrMatrixT': 'rows: {rows} inputs, columns: {cols} output units',
  'heatmap.arrMatrix': 'rows: {rows} output units, columns: {cols} inputs',
  'heatmap.arrCells': 'one cell per element',
  'heatmap.convCell': 'filter {filter}, input channel {channel}, tap ({row}, {col})',
  'heatmap.gateCell': 'gate {gate}, unit {unit}, input {input}',
  'heatmap.gateBiasCell': 'gate {gate}, unit {unit}',
  'heatmap.arrConv': '{rows}×{cols} filters: {channels} input channels (rows) × {filters} filters',
  'heatmap.arrGates': 'gates {gates} side by side, {units} units each; rows: {rows} inputs',
  'heatmap.gatesLabel': 'gates',
  'heatmap.aggTitle': 'More cells than pixels: each pixel shows a block',
  'heatmap.aggCaption': '· {op} of {n}×{n}',
  'heatmap.canvasAria':
    '{kind} of {name} ({shape}), {arrangement}{aggregate}. Arrow keys move between cells; Shift moves further.',
  'heatmap.canvasAriaAgg': ', {op} of {n}×{n} cells per pixel',
  'heatmap.legendTitle': '{label} (log scale)',
  'heatmap.legendAria': 'Colour scale of {label}, log scale from {lo} to {hi}, dark purple to yellow',
  'heatmap.offScale': ' (off the scale)',
  'heatmap.legendGrey': 'grey: no data',
  'heatmap.noDataYet': 'no data yet',
  'app.urlNotices': 'The link had values that could not be used as given:',
  'share.button': 'Share / embed',
  'export.button': 'Export ▾',
  'export.busy': 'Exporting…',
  'export.title': 'Save images, figures and metrics',
  'export.notReady': 'Nothing to export until the scene has loaded',
  'export.aria': 'Export',
  'export.wholeView': 'Whole view (PNG)',
  'export.groupPage': 'Image of the page',
  'export.panel': 'Panel “{label}” (PNG)',
  'export.figure1Png': 'Figure 1, paper style (PNG)',
  'export.figure1Svg': 'Figure 1, paper style (SVG)',
  'export.groupFigure1': 'Figure 1 (paper style)',
  'export.chartSvg': 'A-LR chart of “{label}” (SVG)',
  'export.groupCharts': 'Charts as on screen',
  'export.csv': 'Metrics (CSV)',
  'export.json': 'Metrics and experiment (JSON)',
  'export.groupData': 'Data',
  'export.saved': 'Saved: {label}',
  'export.failed': 'Export failed ({label}): {reason}',
  'export.heading': '{task} — step {step}',
  'export.chartTitle': 'A-LR percentiles, {label} — {heading}',
  'chart.alrCross': 'A-LR of x ↔ and of y ↕ (log scale)',
  'chart.alrCrossTitle': '{run}: A-LR of x {x}, of y {y}',
  'spec.phi': 'φ(z) =',
  'spec.phiHint':
    'A-LR = 1/φ(z), z = √v. Numbers, z, parameters, + − × ÷ ^, exp, log, log1p, sqrt, min, max, abs; “; b = 50” sets a parameter. Enter applies.',
  'spec.phiParam': 'parameter {name}',
  // Why a φ formula is refused (the optimizer library's codes and English templates).
  ...FORMULA_EN,
  'chart.digitsRegion': 'Test digits and each run’s predictions (scrolls sideways)',
  'firstScreen.warming':
    'Training the first {target} steps to show the contrast — press ❚❚ Pause to stop here.',
  'firstScreen.warmed': 'Trained {target} steps to show the contrast — press ▶ Play to continue.',
  'firstScreen.prompt': 'Step 0: nothing is trained yet — press ▶ Play to train.',
  'run.notYet': 'none before the first step',
  'run.beforeFirstStep':
    'Step 0: no gradient has been seen yet, so there is no A-LR to draw — press ▶ Play to train.',
  'run.atStep': ' · at step {step}',
  'run.atStepTitle':
    'Evaluated on the test data at step {step}; while training plays, test evaluations are spaced out to keep training fast.',
  'chart.histBeforeFirstStep': 'no A-LR before the first step',
  'spec.label': 'Label',
  'spec.labelHint': 'Empty: named after the optimizer and the settings it names (it follows them).',
  // Hostile input (issue 14): embedding that fails closed
  'embed.originRefused':
    'origin=“{value}” is not an origin like https://slides.example.org (scheme://host[:port], nothing after it): no page may drive this app or hear its state.',
  // Hostile input (issue 14): the model-size budget
  'budget.refusedParameters':
    'Not loaded: {params} parameters × {runs} run(s) need about {mb} MB, {factor}× the budget of {budget} MB. Use a smaller model or fewer runs; the experiment before keeps running.',
  'budget.refusedActivations':
    'Not loaded: one training step or evaluation of this model needs about {mb} MB in all, {factor}× the budget of {budget} MB, most of it activations. Use a smaller batch, sequence or model; the experiment before keeps running.',
  'drawer.cellGru': 'GRU (gates z, r, h)',
  'drawer.cellLstm': 'LSTM (gates i, f, g, o)',
  // Issue 15: several seeds in the live app
  'chart.seedBand': 'lines: mean of {n} seeds; band: min–max over the seeds',
  'chart.seedMedianBand': '{n} seeds: geometric means; outlined band: the median’s min–max over the seeds',
  'drawer.seedCount': 'seeds (repeats of every run)',
  'drawer.seedCountOption': '{n}',
  'drawer.seedCountOver': '{n} — over the memory budget',
  'drawer.seedCountHint':
    'Every run trains on this many seeds at once (each seed: new initial weights and batch order; within a seed all optimizers still share them). The charts draw the mean with the min–max band; at most {max} here within the memory budget.',
  'budget.refusedSeeds':
    'Not loaded: {params} parameters × {runs} run(s) × {seeds} seeds need about {mb} MB, {factor}× the budget of {budget} MB. Use fewer seeds, a smaller model or fewer runs; the experiment before keeps running.',
  'seeds.picker': 'Heatmaps and readouts show seed',
  'seeds.pickerOption': 'seed {n}',
  'seeds.pickerHint': 'The charts below draw the mean over all {n} seeds.',
  // The guided tour (ui/tour): its buttons, then each step’s title, caption and where to look
  'tour.start': 'Take the tour',
  'tour.startTitle': 'A guided tour of the paper’s argument, with the live app (← → to move, Esc to close)',
  'tour.lookLabel': 'Look at:',
  'tour.back': '← Back',
  'tour.next': 'Next →',
  'tour.finish': 'Finish',
  'tour.close': 'Close the tour',
  'tour.stepOf': 'Step {n} of {total}',
  // Typed messages of the engine and the state layer (engine/messages.ts; ui/i18n/message-text.ts)
  'msg.and': ' and ',
  'msg.withDetail': '{text}: {detail}',
  'msg.noHardwareGpu': 'no hardware GPU',
  'msg.unknownReason': 'unknown reason',
  'msg.backendStopped': '{backend} stopped working.',
  'msg.backendStopped.clause': '{backend} stopped working',
  'msg.webGpuUnavailable.noApi':
    'WebGPU unavailable: this browser exposes no WebGPU (navigator.gpu is missing).',
  'msg.webGpuUnavailable.noAdapter':
    'WebGPU unavailable: no WebGPU adapter (requestAdapter() returned null; headless Chromium needs --enable-unsafe-webgpu).',
  'msg.webGpuUnavailable.clause': 'WebGPU is unavailable',
  'msg.webGlUnavailable.noOffscreenCanvas':
    'WebGL unavailable: no OffscreenCanvas in this worker, so no WebGL here.',
  'msg.webGlUnavailable.noContext':
    'WebGL unavailable: WebGL 2 is unavailable (no context could be created).',
  'msg.webGlUnavailable.clause': 'WebGL is unavailable',
  'msg.softwareGpu.webgpu': 'WebGPU adapter is a software fallback ({impl}); WASM is faster here.',
  'msg.softwareGpu.webgpu.clause': 'the WebGPU adapter is a software fallback ({impl})',
  'msg.softwareGpu.webgl': 'WebGL renders in software ({impl}); WASM is faster here.',
  'msg.softwareGpu.webgl.clause': 'WebGL renders in software ({impl})',
  'msg.backendTimedOut': '{backend} failed to start: starting it timed out after {seconds} s.',
  'msg.backendFailed': '{backend} failed to start: {detail}.',
  'msg.backendFailed.clause': '{backend} failed to start',
  'msg.slow.webgpu': ' — it runs on {impl}, a software fallback adapter: real, but slow',
  'msg.slow.webgl': ' — it renders in software here ({impl}): real, but slow',
  'msg.backendRequested': '{backend} was requested{slow}.',
  'msg.backendAutoFastest': 'Auto: {backend} is the fastest backend available here{slow}.',
  'msg.backendAutoChose': 'Auto chose {backend} because {because}{slow}.',
  'msg.backendFellBack': '{from} was requested, but {because}; {to} is next in the chain{slow}.',
  'msg.webGpuDeviceLost': 'The WebGPU device was lost ({reason})',
  'msg.webGlContextLost': 'The WebGL context was lost',
  'msg.workerCrashed': 'the engine worker crashed',
  'msg.workerNotLoaded': 'the engine worker crashed: it could not be loaded',
  'msg.workerSilent': 'the engine stopped answering (nothing heard for {seconds} s)',
  'msg.engineStopped': 'the engine was stopped',
  'msg.engineGaveUp':
    'The engine stopped again ({reason}). It failed {times} times within a minute, so it was not restarted: reload the page.',
  'msg.engineNotRestarted': 'The engine stopped ({reason}) and could not be restarted: reload the page.',
  'msg.restoreFailed': 'The engine was restarted but the runs could not be restored: {cause}',
  'msg.gpuLostIdle': '{lost}. Choose a backend to start again.',
  'msg.moveFailed': '{lost}; moving training elsewhere failed: {cause}',
  'msg.noBackend': 'every backend was tried. {notes}',
  'msg.trainingStopped': 'Training stopped: {cause}',
  'msg.measureFailed': 'Measuring the backends failed: {cause}',
  'msg.messageUnreadable': 'a message from the engine was unreadable',
  'msg.engineError': 'Engine error: {detail}',
  'msg.points.missing': 'a custom 2-D data set needs its points (xy and labels)',
  'msg.points.lengths': 'custom points: {coordinates} coordinates for {labels} labels (expected {expected})',
  'msg.points.tooFew': 'custom points: {points} points, at least {min} are needed',
  'msg.points.tooMany': 'custom points: {points} points, at most {max} are allowed',
  'msg.points.notFinite': 'custom points: coordinate {coordinate} of point {point} is not a finite number',
  'msg.points.badLabel': 'custom points: label of point {point} must be a whole number from 0 to {max}',
  'msg.points.oneClass': 'custom points: all points have the same label, at least {min} classes are needed',
  'msg.points.overflow':
    'custom points: the {axis} values span from {min} to {max}, more than a number can hold',
  'msg.points.collapse':
    'custom points: the {axis} values ({min} to {max}) differ too little to be scaled apart; they would all be one point',
} as const satisfies Record<string, string>;

/** Every key: the table above (loaded with the page) and strings-en-later.ts's (fetched with the parts that use them). */
export type StringKey = keyof typeof EN | keyof typeof EN_LATER;
