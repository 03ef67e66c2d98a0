// Command-line arguments of the headless runner: --scene <id> [--steps N] [--seed S] [--seeds N] [--out file]
// [--backend cpu|wasm] [--every N] [--run <id:name,key=value…>]… [--phi <formula>], or --check [--fast |
// --scenes a,b] to check the scenes' claims. Pure, so it is unit-tested.

/** The most seeds the headless runner repeats a scene over (the app allows fewer). */
export const MAX_HEADLESS_SEEDS = 20;

export interface ExperimentArgs {
  /** The one scene to run; '' with --check. */
  scene: string;
  /** Run scenes at their default steps and check each one's claim. */
  check?: boolean;
  /** With --check: only the scenes whose claim is marked fast. */
  fast?: boolean;
  /** With --check: only these scenes. */
  scenes?: string[];
  steps?: number;
  seed?: number;
  /** Repeat the scene over this many seeds (its own `repeat` count when absent; 1 = a single run). */
  seeds?: number;
  out?: string;
  /** WASM by default (about 7× faster than CPU here); CPU is the fallback. */
  backend: 'cpu' | 'wasm';
  every?: number;
  /** Runs in the link's `run=` syntax (e.g. `mine:custom,lr=1e-2`); when given they replace the scene's. */
  runs?: string[];
  /** The φ formula of every custom run (plain text, e.g. `log(1+exp(b*z))/b; b = 50`). */
  phi?: string;
}

export const USAGE =
  'usage: npm run experiment -- --scene <id> [--steps N] [--seed S] [--seeds N] [--out file.json] [--backend cpu|wasm] [--every N] [--run id:name,key=value…]… [--phi "formula in z"]\n' +
  '       npm run experiment -- --check [--fast | --scenes id,id] [--backend cpu|wasm]';

function positiveInteger(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 0)
    throw new Error(`${flag} needs a non-negative integer; got ${value ?? 'nothing'}`);
  return n;
}

export function parseArgs(argv: string[]): ExperimentArgs {
  const out: Partial<ExperimentArgs> = { backend: 'wasm' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case '--scene':
        if (!value) throw new Error('--scene needs a scene id');
        out.scene = value;
        break;
      case '--steps':
        out.steps = positiveInteger(flag, value);
        break;
      case '--seed':
        out.seed = positiveInteger(flag, value);
        break;
      case '--seeds':
        out.seeds = positiveInteger(flag, value);
        if (out.seeds < 1 || out.seeds > MAX_HEADLESS_SEEDS)
          throw new Error(`--seeds needs 1–${MAX_HEADLESS_SEEDS}; got ${value}`);
        break;
      case '--every':
        out.every = Math.max(1, positiveInteger(flag, value));
        break;
      case '--check':
        out.check = true;
        continue;
      case '--fast':
        out.fast = true;
        continue;
      case '--scenes':
        if (!value) throw new Error('--scenes needs scene ids, comma-separated');
        out.scenes = value.split(',').filter(Boolean);
        break;
      case '--out':
        if (!value) throw new Error('--out needs a file name');
        out.out = value;
        break;
      case '--backend':
        if (value !== 'cpu' && value !== 'wasm')
          throw new Error(`--backend must be cpu or wasm; got ${value ?? 'nothing'}`);
        out.backend = value;
        break;
      case '--run':
        if (!value) throw new Error('--run needs a run spec, e.g. mine:custom,lr=1e-2');
        out.runs = [...(out.runs ?? []), value];
        break;
      case '--phi':
        if (value === undefined) throw new Error('--phi needs a formula in z');
        out.phi = value;
        break;
      default:
        throw new Error(`unknown argument ${flag}`);
    }
    i++;
  }
  if (out.check) {
    if (
      out.scene ||
      out.steps !== undefined ||
      out.seed !== undefined ||
      out.seeds !== undefined ||
      out.every !== undefined ||
      out.out
    )
      throw new Error(
        '--check runs each scene at its own defaults: leave out --scene, --steps, --seed, --seeds, --every and --out',
      );
    if (out.fast && out.scenes) throw new Error('--fast and --scenes pick scenes two ways: give one');
    return { ...out, scene: '' } as ExperimentArgs;
  }
  if (out.fast || out.scenes) throw new Error('--fast and --scenes go with --check');
  if (!out.scene) throw new Error('--scene is required');
  return out as ExperimentArgs;
}
