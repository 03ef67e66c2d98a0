// The source's import graph, read from the files themselves (Node only: src/import-graph.test.ts checks
// the layer and cycle rules with it). Every form counts: `import`, `import type`, `export … from` and
// `import('…')`, so a type-only import of a module that pulls tfjs is caught as surely as a value one.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** `from '…'`, bare `import '…'` and dynamic `import('…')` specifiers (comments stripped first). */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

/** Block and line comments, so that an import written in a comment does not count. */
function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

export function specifiersOf(code: string): string[] {
  return [...stripComments(code).matchAll(SPECIFIER)].map((m) => m[1] as string);
}

/** Every .ts/.tsx file under `dir`, tests included unless `withTests` is false. */
export function sourceFiles(dir: string, withTests = true): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path, withTests));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts') && (withTests || !/\.test\.tsx?$/.test(name)))
      out.push(path);
  }
  return out;
}

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** A relative specifier resolved to a file, or null for packages and assets (`?url`, `.css`, …). */
export function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const bare = resolve(dirname(from), specifier.replace(/\?.*$/, '').replace(/\.js$/, ''));
  for (const ext of EXTENSIONS) {
    const path = bare + ext;
    if (/\.tsx?$/.test(path) && existsSync(path) && statSync(path).isFile()) return path;
  }
  return null;
}

export interface ImportGraph {
  /** file → the source files it imports. */
  edges: Map<string, string[]>;
  /** file → the packages it imports (bare specifiers). */
  packages: Map<string, string[]>;
}

/** The graph of every file reachable from `roots`. */
export function importGraph(roots: readonly string[]): ImportGraph {
  const edges = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (edges.has(file)) continue;
    const specifiers = specifiersOf(readFileSync(file, 'utf8'));
    const files: string[] = [];
    for (const s of specifiers) {
      const target = resolveImport(file, s);
      if (target) files.push(target);
    }
    edges.set(file, files);
    packages.set(
      file,
      specifiers.filter((s) => !s.startsWith('.')),
    );
    queue.push(...files);
  }
  return { edges, packages };
}

/** The import chain from one of `roots` to a file that imports a package matching `banned`, or null. */
export function pathToPackage(graph: ImportGraph, roots: readonly string[], banned: RegExp): string[] | null {
  const parent = new Map<string, string | null>();
  const queue: string[] = [];
  for (const r of roots) {
    parent.set(r, null);
    queue.push(r);
  }
  while (queue.length > 0) {
    const file = queue.shift() as string;
    const hit = graph.packages.get(file)?.find((p) => banned.test(p));
    if (hit) {
      const chain = [hit];
      for (let at: string | null = file; at; at = parent.get(at) ?? null) chain.unshift(at);
      return chain;
    }
    for (const next of graph.edges.get(file) ?? []) {
      if (parent.has(next)) continue;
      parent.set(next, file);
      queue.push(next);
    }
  }
  return null;
}

/** Every import cycle, one per strongly connected component, as the files in it. */
export function importCycles(graph: ImportGraph): string[][] {
  // Tarjan's algorithm, iteratively (deep graphs would overflow recursion).
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  for (const start of graph.edges.keys()) {
    if (order.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    order.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; next: number };
      const targets = graph.edges.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++] as string;
        if (!order.has(target)) {
          order.set(target, index);
          low.set(target, index++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, order.get(target) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent)
        low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === order.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = (graph.edges.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

/** Paths shown relative to `root`, for readable failures. */
export const relativeTo = (root: string) => (paths: string[]) =>
  paths.map((p) => (p.startsWith('/') ? relative(root, p) : p));
