import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchThreadedGlue } from './wasm-threads-plugin';

const require = createRequire(import.meta.url);
const glue = readFileSync(
  path.join(
    path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')),
    'wasm-out/tfjs-backend-wasm-threaded-simd.js',
  ),
  'utf8',
);

describe('patchThreadedGlue', () => {
  it('removes the factory body’s only guarded reference to the enclosing closure', () => {
    const patched = patchThreadedGlue(glue);
    expect(glue).toContain('typeof _scriptDir !== "undefined" && _scriptDir');
    expect(patched).not.toContain('typeof _scriptDir');
    // The only other mention is the lazy `mainScriptUrlOrBlob || _scriptDir`, never reached (tfjs sets the Blob).
    expect(patched.match(/_scriptDir/g)?.length).toBe((glue.match(/_scriptDir/g)?.length ?? 0) - 3);
  });

  it('refuses glue whose text changed (a tfjs update must be looked at)', () => {
    expect(() => patchThreadedGlue('var x = 1;')).toThrow(/found it 0 times/);
  });
});
