import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Relative asset paths: dist/ works from any static file server, in any folder.
  base: './',
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
