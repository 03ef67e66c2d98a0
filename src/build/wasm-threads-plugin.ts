// Makes tfjs-wasm's threaded build work inside a minified bundle (issue #12).
//
// Why it hung: tfjs starts each pthread worker from a Blob holding `factory.toString()` — the source
// text of the Emscripten factory function, cut out of its enclosing closure. The glue guards its one
// reference to that closure's `_scriptDir` with `typeof _scriptDir !== "undefined"`, which is safe in a
// Blob. The minifier sees that `_scriptDir` is declared in the enclosing scope, drops the `typeof` guard
// and renames it (`e!==void 0&&e`). Inside the Blob that name does not exist: every pthread worker dies
// with "ReferenceError: e is not defined" before it reports back, and the main thread waits for its
// thread pool forever.
//
// The fix: the guarded reference is replaced by `false` at build time. That is what it evaluates to
// wherever the glue runs here: in a pthread worker the name is undeclared, and in the engine (an ES
// module worker) `_scriptDir` is undefined (no document, no `__filename`); tfjs's `locateFile` supplies
// every path anyway. The other reference (`mainScriptUrlOrBlob || _scriptDir`) is never reached, since
// tfjs always sets the Blob. The build fails loudly if a tfjs update changes the text.
import type { Plugin } from 'vite';

const GLUE = /tfjs-backend-wasm\/wasm-out\/tfjs-backend-wasm-threaded-simd\.js$/;
const GUARDED = 'if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}';

/** The glue's source with the closure reference removed; throws if the expected text is not there exactly once. */
export function patchThreadedGlue(code: string): string {
  return replaceOnce(code, GUARDED, 'if(false){}', 'the _scriptDir guard');
}

function replaceOnce(code: string, from: string, to: string, what: string): string {
  const parts = code.split(from);
  if (parts.length !== 2) {
    throw new Error(
      `tfjs-wasm threaded glue: expected ${what} once, found it ${parts.length - 1} times ` +
        '(tfjs updated? see src/build/wasm-threads-plugin.ts)',
    );
  }
  return parts.join(to);
}

export function wasmThreadsPlugin(): Plugin {
  return {
    name: 'anisoscope-wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      if (!GLUE.test(id.split('?')[0] ?? id)) return null;
      return { code: patchThreadedGlue(code), map: null };
    },
  };
}
