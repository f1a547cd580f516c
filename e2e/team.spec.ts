/**
 * Team sync through CouchDB replication, with persistent browser profiles, each its own user,
 * on one project database. The server is the loopback pouchdb-server Playwright starts, or the
 * Apache CouchDB named by COUCH_URL.
 */
import { expect, test } from '@playwright/test';
import { markClaim, openArticle } from './helpers';
import { member, newProject, syncStatus } from './team';

const DEMO = 'Riverside council votes to reopen the old ferry';

test('Ana labels a claim and Bea sees it without reloading; Bea comments and Ana sees that', async () => {
  test.setTimeout(90_000);
  const database = await newProject(['ana', 'bea']);
  const ana = await member(database, 'ana', 'Ana');
  const bea = await member(database, 'bea', 'Bea');
  try {
    await openArticle(ana.page, DEMO);
    await openArticle(bea.page, DEMO);
    await markClaim(ana.page, 'voted 7 to 2 on Tuesday', 'Sourced');
    const anas = bea.page.locator('.claim-entry', { hasText: 'Ana (read-only)' });
    await expect(anas).toHaveCount(1, { timeout: 10_000 });
    await expect(anas).toContainText('voted 7 to 2 on Tuesday');
    await expect(bea.page.locator('.article-text [data-claim-id]')).toHaveCount(1);

    await anas.getByRole('button').first().click();
    await anas.getByLabel('Comment on this claim').fill('Which meeting’s minutes?');
    await anas.getByRole('button', { name: 'Add comment' }).click();
    const mine = ana.page.locator('.claim-entry', { hasText: 'voted 7 to 2' });
    await mine.getByRole('button').first().click();
    await expect(mine.getByRole('list', { name: 'Comments' })).toHaveText('Bea: Which meeting’s minutes?', { timeout: 10_000 });
    await expect(syncStatus(ana.page)).toHaveText(/^Synced/);
    await expect(syncStatus(bea.page)).toHaveText(/^Synced/);
  } finally {
    await Promise.all([ana.close(), bea.close()]);
  }
});
