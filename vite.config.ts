/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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

export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
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
