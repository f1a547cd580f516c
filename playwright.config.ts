import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/browser';

const PORT = 4173;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  timeout: 30_000,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
    acceptDownloads: true,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() } }],
  webServer: [
    // The built site (npm run test:e2e builds it first), served as any static server would.
    {
      command: `npx vite preview --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    // The team sync specs' CouchDB: pouchdb-server on loopback, unless COUCH_URL names a real one (e2e/team.ts).
    ...(process.env.COUCH_URL
      ? []
      : [
          {
            command: 'node scripts/couch-test-server.mjs 5985',
            url: 'http://localhost:5985/claimtrail-ready',
            reuseExistingServer: !process.env.CI,
            timeout: 60_000,
          },
        ]),
  ],
});
