/**
 * Which Chromium the tests and the bench launch: Playwright's own where it is installed, else
 * CHROMIUM_PATH, else Debian's /usr/bin/chromium; a clear error when there is none.
 */
import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

/** Flags that keep Chromium from reaching out to the network on start-up. */
export const CHROMIUM_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function executablePath(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // Playwright has no browser of its own here; look for a system one.
  }
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(candidate)) return candidate;
  throw new Error(
    "No Chromium found for the end-to-end tests. Either install Playwright's own browser " +
      '(npx playwright install chromium) or install a system Chromium (on Debian: ' +
      'apt-get install -y chromium) and, if it is not at /usr/bin/chromium, point CHROMIUM_PATH at it.',
  );
}

/** Launch options for Chromium, shared by the Playwright config, specs that relaunch, and the bench. */
export function chromiumLaunchOptions(): LaunchOptions {
  const path = executablePath();
  return { ...(path ? { executablePath: path } : {}), args: CHROMIUM_ARGS };
}
