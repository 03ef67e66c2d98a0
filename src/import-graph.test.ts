// The layer rules and the absence of import cycles, checked on the real import graph (type imports
// included): `ui/` and `state/` never reach tfjs, and no module imports itself through others.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  importCycles,
  importGraph,
  pathToPackage,
  relativeTo,
  sourceFiles,
  specifiersOf,
} from './testing/import-graph';

const SRC = join(import.meta.dirname, '.');
const shown = relativeTo(SRC);

describe('the import graph', () => {
  it('reads every form of import, type-only ones included, and skips comments', () => {
    const code = [
      "import type { A } from './a';",
      "import { type B, c } from './b';",
      "export { d } from './d';",
      "export type { E } from './e';",
      "import './side-effect';",
      "const lazy = () => import('./lazy');",
      "// import { x } from './commented';",
      "/* import { y } from './block'; */",
    ].join('\n');
    expect(specifiersOf(code)).toEqual(['./a', './b', './d', './e', './side-effect', './lazy']);
  });

  it('finds a cycle and the chain to a banned package', () => {
    const graph = {
      edges: new Map([
        ['ui', ['state']],
        ['state', ['engine', 'ui']],
        ['engine', []],
      ]),
      packages: new Map([
        ['ui', []],
        ['state', []],
        ['engine', ['@tensorflow/tfjs-core']],
      ]),
    };
    expect(importCycles(graph)).toEqual([['state', 'ui']]);
    expect(pathToPackage(graph, ['ui'], /^@tensorflow\//)).toEqual([
      'ui',
      'state',
      'engine',
      '@tensorflow/tfjs-core',
    ]);
  });

  it('ui/ and state/ never reach tfjs, not even through a type import', () => {
    const roots = [...sourceFiles(join(SRC, 'ui'), false), ...sourceFiles(join(SRC, 'state'), false)];
    expect(roots.length).toBeGreaterThan(50);
    const chain = pathToPackage(importGraph(roots), roots, /^@tensorflow\//);
    expect(chain && shown(chain), 'import chain from ui/ or state/ to tfjs').toBeNull();
  });

  it('has no import cycle in src/', () => {
    const cycles = importCycles(importGraph(sourceFiles(SRC))).map(shown);
    expect(cycles).toEqual([]);
  });
});
