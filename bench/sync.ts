/**
 * The team sync figures, against a loopback pouchdb-server in memory: a first sync of N claims
 * into a fresh profile, timed in the page from the Connect click to "Synced" (which the header
 * says only once the library holds everything), beside raw PouchDB pulling the same database;
 * and the time from a label pressed in one browser to its highlight painted in another, beside a
 * raw PouchDB write reaching another replica. Both peers run the replication the app runs.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { connect, newProject, password, seedClaims, syncStatus, type Couch } from '../e2e/team';
import { startTestCouch } from '../scripts/couch-test-server.mjs';
import { stats, throttle, type Figure } from './figures';
import { pageScript } from './page-script';

/** What the sync figures need from the bench. */
export interface SyncBench {
  browser: Browser;
  /** Where the built app is served. */
  base: string;
  smoke: boolean;
  /** The CPU slow-down of this pass. */
  rate: number;
  /** The first syncs measured: how many claims each. */
  counts: readonly number[];
  freshPage(browser: Browser): Promise<Page>;
  /** Labels the i-th line of the open article by key. */
  label(page: Page, i: number): Promise<unknown>;
  step(message: string): void;
}

type BenchWindow = {
  benchSync: {
    firstPull(url: string, user: string, password: string): Promise<number>;
    startLive(url: string, user: string, password: string): Promise<void>;
    put(id: string): Promise<number>;
    arrival(id: string): Promise<number>;
  };
  __arrival: Promise<number>;
};

/** Resolves with the wall-clock time a claim id not drawn now is first drawn in the article. */
const ARM_ARRIVAL = `void (window.__arrived = new Promise((resolve) => {
  const article = document.querySelector('.article-text');
  const known = new Set([...article.querySelectorAll('mark.claim')].map((m) => m.dataset.claimId));
  const observer = new MutationObserver(() => {
    if (![...article.querySelectorAll('mark.claim')].some((m) => !known.has(m.dataset.claimId))) return;
    observer.disconnect();
    resolve(performance.timeOrigin + performance.now());
  });
  observer.observe(article, { childList: true, subtree: true, attributes: true });
}))`;

/** Records the wall-clock time of the next key press. */
const ARM_PRESS = `void (window.__pressed = new Promise((resolve) => {
  document.addEventListener('keydown', (e) => resolve(performance.timeOrigin + e.timeStamp), { capture: true, once: true });
}))`;

/** Milliseconds from the Connect click to the header's "Synced". */
async function firstSyncTimed(page: Page, database: string, couch: Couch): Promise<number> {
  await page.evaluate(`void (window.__synced = new Promise((resolve) => {
    let t0 = 0;
    document.addEventListener('click', (e) => {
      if (e.target.closest('button')?.textContent.trim() === 'Connect') t0 = e.timeStamp;
    }, { capture: true });
    const status = document.getElementById('team-status');
    new MutationObserver((_, observer) => {
      if (!t0 || !/^Synced/.test(status.textContent)) return;
      observer.disconnect();
      resolve(performance.now() - t0);
    }).observe(status, { childList: true, subtree: true, characterData: true });
  }))`);
  await connect(page, database, 'ana', { couch });
  return page.evaluate<number>('window.__synced');
}

/** The sync figures, each beside raw PouchDB. */
export async function syncFigures(bench: SyncBench): Promise<Record<string, Figure>> {
  const server = await startTestCouch(5989);
  const couch = { url: server.url, admin: server.admin };
  const peerScript = await pageScript('bench/page-sync.ts');
  // The peer's page, served from loopback like the app (Chromium lets only such pages reach a
  // loopback server), on an origin of its own that the server's CORS admits.
  const peerServer = createServer((_, response) => {
    response.setHeader('Content-Type', 'text/html');
    response.end(`<!doctype html><title>raw PouchDB peer</title><script>${peerScript}</script>`);
  });
  await new Promise<void>((resolve) => peerServer.listen(0, '127.0.0.1', resolve));
  const peerBase = `http://localhost:${(peerServer.address() as AddressInfo).port}/`;
  const origins = [new URL(bench.base).origin, new URL(peerBase).origin];
  const peerPage = async (context: BrowserContext) => {
    const page = await context.newPage();
    await throttle(page, bench.rate);
    await page.goto(peerBase);
    return page;
  };
  const figures: Record<string, Figure> = {};
  try {
    for (const count of bench.counts) {
      const database = await newProject(['ana', 'bea'], [], { couch, origins });
      await seedClaims(database, 'bea', `First sync of ${count} claims`, count, couch);
      const ours: number[] = [];
      const raw: number[] = [];
      for (let i = 0; i < (count >= 100_000 || bench.smoke || bench.rate > 1 ? 1 : 3); i++) {
        const page = await bench.freshPage(bench.browser);
        ours.push(await firstSyncTimed(page, database, couch));
        await page.context().close();
        const peer = await peerPage(await bench.browser.newContext());
        const url = `${couch.url}/${database}`;
        raw.push(await peer.evaluate(([u, p]) => (window as never as BenchWindow).benchSync.firstPull(u, 'ana', p), [url, password('ana')] as const));
        await peer.context().close();
      }
      const peer = stats(raw).median;
      figures[`first sync of ${count.toLocaleString('en')} claims into a fresh profile, Connect to Synced, ms`] = stats(ours, {
        peer: { name: 'raw PouchDB pull', median: peer },
        budget: Math.round(1.5 * peer),
      });
      bench.step(`first sync of ${count} measured`);
    }

    const runs = bench.smoke ? 3 : bench.rate > 1 ? 10 : 20;
    const database = await newProject(['ana', 'bea'], [], { couch, origins });
    const title = 'Label to highlight';
    await seedClaims(database, 'bea', title, 0, couch, 300);
    const people: Page[] = [];
    for (const user of ['ana', 'bea']) {
      const page = await bench.freshPage(bench.browser);
      await connect(page, database, user, { couch });
      await syncStatus(page)
        .filter({ hasText: /^Synced/ })
        .waitFor({ timeout: 60_000 });
      await page.getByRole('link', { name: title, exact: true }).click();
      await page.locator('.article-text').waitFor();
      people.push(page);
    }
    const [ana, bea] = people as [Page, Page];
    const ours: number[] = [];
    for (let i = 0; i < runs; i++) {
      await bea.evaluate(ARM_ARRIVAL);
      await ana.evaluate(ARM_PRESS);
      await bench.label(ana, i);
      const [pressed, arrived] = [await ana.evaluate<number>('window.__pressed'), await bea.evaluate<number>('window.__arrived')];
      ours.push(arrived - pressed);
    }
    await Promise.all(people.map((p) => p.context().close()));

    const context = await bench.browser.newContext();
    const [writer, reader] = [await peerPage(context), await peerPage(context)];
    const url = `${couch.url}/${database}`;
    for (const [page, user] of [
      [writer, 'ana'],
      [reader, 'bea'],
    ] as const)
      await page.evaluate(([u, n, p]) => (window as never as BenchWindow).benchSync.startLive(u, n, p), [url, user, password(user)] as const);
    const raw: number[] = [];
    for (let i = 0; i < runs; i++) {
      const id = `bench:${i}`;
      await reader.evaluate((d) => void ((window as never as BenchWindow).__arrival = (window as never as BenchWindow).benchSync.arrival(d)), id);
      const put = await writer.evaluate((d) => (window as never as BenchWindow).benchSync.put(d), id);
      raw.push((await reader.evaluate(() => (window as never as BenchWindow).__arrival)) - put);
    }
    await context.close();
    figures['label in one browser to its highlight in another, ms'] = stats(ours, {
      peer: { name: 'raw PouchDB write to other replica', median: stats(raw).median },
      budget: 1000,
      budgetOn: 'p95',
    });
    bench.step('label to highlight measured');
  } finally {
    peerServer.close();
    await server.stop();
  }
  return figures;
}
