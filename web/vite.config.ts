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
    rollupOptions: {
      // The dashboard, the web authenticator (a second page, served at /authenticator/ and at the
      // emailed /enroll/… link), and its service worker, which must keep a fixed name and sit in
      // /authenticator/ so its scope covers the app.
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        authenticator: fileURLToPath(new URL('authenticator.html', import.meta.url)),
        'authenticator-sw': fileURLToPath(new URL('src/authenticator/service-worker.ts', import.meta.url)),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'authenticator-sw' ? 'authenticator/sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: {
    proxy: {
      // HTTP POST for queries/mutations and the graphql-ws upgrade for subscriptions.
      '/graphql': { target: API_ORIGIN, ws: true },
    },
  },
});
