// Builds the bench page (bench/index.html → dist/bench-web) for `npm run bench:browser`. Separate
// from the app's build: no CSP, no worker; public/ is copied so the MNIST subset can be fetched. Served
// cross-origin isolated, as the app is, so that WASM runs its threaded build (`?wasmThreads=0`: not).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { wasmThreadsPlugin } from '../src/build/wasm-threads-plugin.ts';
import { ISOLATION_HEADERS } from '../vite.config.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  plugins: [wasmThreadsPlugin()],
  base: './',
  publicDir: `${here}../public`,
  build: { outDir: `${here}../dist/bench-web`, emptyOutDir: true, reportCompressedSize: false },
  preview: { host: '127.0.0.1', port: 4183, strictPort: false, headers: ISOLATION_HEADERS },
});
