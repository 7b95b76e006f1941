import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import AutoImport from 'unplugin-auto-import/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import Components from 'unplugin-vue-components/vite';
import { defineConfig } from 'vitest/config';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The workbench's Vue app (issue 18). Element Plus is imported on demand (components and their
 * styles only where a page uses them), every page is its own chunk, and the manifest lets
 * scripts/check-web-size.mjs measure what the first page loads. The `test` block is the `web`
 * vitest project (component tests in happy-dom; no stores).
 */
export default defineConfig({
  root: webRoot,
  base: '/workbench/',
  plugins: [
    vue(),
    AutoImport({ resolvers: [ElementPlusResolver()], dts: false }),
    Components({ resolvers: [ElementPlusResolver()], dts: false }),
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/workbench/sign-in': 'http://127.0.0.1:3000', '/workbench/auth': 'http://127.0.0.1:3000' },
  },
  test: {
    name: 'web',
    root: webRoot,
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    // The first mount transforms Element Plus on a loaded machine: generous, never a sleep.
    testTimeout: 120_000,
    // Element Plus's ES files import their CSS: let Vite handle them rather than Node.
    server: { deps: { inline: ['element-plus'] } },
  },
});
