import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Relative asset paths: dist/ works from any static file server, in any folder.
  base: './',
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
  plugins: [
    // A service worker keeps every file of the app (the parts loaded when first used too) on the
    // machine after one visit: the app opens, compares and reads PDFs with no network at all.
    VitePWA({
      injectRegister: 'script',
      registerType: 'autoUpdate',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,mjs,css,html,svg}'],
        maximumFileSizeToCacheInBytes: 4 * 2 ** 20,
        navigateFallback: 'index.html',
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
