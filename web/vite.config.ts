import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API server for `npm run dev:web`; the built app is served by that server on the same origin. */
const API_ORIGIN = 'http://127.0.0.1:4000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      // HTTP POST for queries/mutations and the graphql-ws upgrade for subscriptions.
      '/graphql': { target: API_ORIGIN, ws: true },
    },
  },
});
