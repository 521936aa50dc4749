import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

/** The web app: built into dist/web, which the API serves at `/` (apps/api/src/web). */
export default defineConfig({
  root: here,
  base: '/',
  resolve: {
    alias: {
      '@sagsflow/domain': resolve(root, 'libs/domain/src'),
      // The design system's package exports only its script; its style sheet is taken by path.
      'dkfds/css': resolve(root, 'node_modules/dkfds/dist/css/dkfds.min.css'),
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(root, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // React Router marks its modules "use client" for server components; a browser bundle has none.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
