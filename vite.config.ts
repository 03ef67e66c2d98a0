/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { wasmThreadsPlugin } from './src/build/wasm-threads-plugin.ts';

// `base: './'` keeps the built site working from any sub-path (e.g. a GitHub Pages project page).
// `--mode cli` builds the headless runner (src/cli) for Node: tfjs is bundled (its deep ESM imports
// do not resolve under Node's own loader), public/ is not copied, and the CommonJS globals that
// tfjs-wasm's Emscripten glue expects are defined for the ES module output.
const NODE_GLOBALS = [
  "import { createRequire as __createRequire } from 'node:module';",
  "import { fileURLToPath as __fileURLToPath } from 'node:url';",
  'const require = __createRequire(import.meta.url);',
  'const __filename = __fileURLToPath(import.meta.url);',
  "const __dirname = __fileURLToPath(new URL('.', import.meta.url));",
].join('\n');

/**
 * The built site's Content-Security-Policy (issue #7): scripts, workers, data and wasm only from the
 * site itself; no eval ('wasm-unsafe-eval' lets WebAssembly compile, nothing else); no remote origins.
 * Inline style attributes are allowed (React and d3 set element styles). Build only: the dev server
 * injects an inline React-refresh preamble.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const contentSecurityPolicy: Plugin = {
  name: 'anisoscope-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
};

/**
 * Cross-origin isolation (issue #12): with these two headers the page may share memory with its workers,
 * which tfjs-wasm's threaded build needs (SharedArrayBuffer). Static hosts need the same two (docs/threads.md).
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [react(), contentSecurityPolicy, wasmThreadsPlugin()],
  // The engine worker is bundled by its own pipeline: the threads fix must be applied there.
  worker: { format: 'es', plugins: () => [wasmThreadsPlugin()] },
  server: { host: '127.0.0.1', port: 5173, strictPort: false, headers: ISOLATION_HEADERS },
  preview: { host: '127.0.0.1', port: 4173, headers: ISOLATION_HEADERS },
  ssr: { noExternal: [/^@tensorflow\//] },
  ...(mode === 'cli'
    ? {
        build: {
          copyPublicDir: false,
          outDir: 'dist-cli',
          emptyOutDir: true,
          rollupOptions: { output: { banner: NODE_GLOBALS } },
        },
      }
    : {}),
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
}));
