/**
 * Team sync through CouchDB replication, with persistent browser profiles, each its own user,
 * on one project database. The server is the loopback pouchdb-server Playwright starts, or the
 * Apache CouchDB named by COUCH_URL.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startTestCouch } from '../scripts/couch-test-server.mjs';
import { DEMO_TEXT } from '../src/demo';
import { addCorpus, CORPUS_FILES, markClaim, openArticle, startApp } from './helpers';
import { allDocs, connect, COUCH, ensureUser, member, newProject, password, Profile, seedClaims, syncStatus } from './team';

/** Selects a word that occurs once in the text, through the DOM (fast enough for 150 claims). */
async function selectWord(page: Page, word: string): Promise<void> {
  await page.locator('.article-text').evaluate((root, needle) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      (root as HTMLElement).focus();
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`${needle} is not in the text`);
  }, word);
  await expect(page.getByRole('toolbar', { name: 'Label the selected claim' })).toBeVisible();
}

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

test('Bea works offline, closes the browser, reopens it online: Ana gets all of it, nothing doubled', async () => {
  test.setTimeout(120_000);
  const database = await newProject(['ana'], ['bea']);
  const ana = await member(database, 'ana', 'Ana');
  const bea = await member(database, 'bea', 'Bea');
  try {
    await openArticle(ana.page, DEMO);
    await markClaim(ana.page, 'voted 7 to 2 on Tuesday', 'Sourced');
    await openArticle(bea.page, DEMO);
    await expect(bea.page.locator('.claim-entry', { hasText: 'Ana (read-only)' })).toHaveCount(1, { timeout: 10_000 });

    // The app is kept on her machine (its service worker controls the page): the compare view opens offline.
    await bea.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await bea.context.setOffline(true);
    await expect(syncStatus(bea.page)).toHaveText(/^Offline — your changes are kept/);
    await markClaim(bea.page, 'voted 7 to 2 on Tuesday', 'Disputed');
    await markClaim(bea.page, 'the best thing to happen to this town in a generation', 'Opinion');
    const anas = bea.page.locator('.claim-entry', { hasText: 'Ana (read-only)' });
    await anas.getByRole('button').first().click();
    await anas.getByLabel('Comment on this claim').fill('The minutes say 6 to 3.');
    await anas.getByRole('button', { name: 'Add comment' }).click();
    await expect(anas.getByRole('list', { name: 'Comments' })).toHaveText('Bea: The minutes say 6 to 3.');
    // Bea reviews: the label differs; she rejects both.
    await bea.page.getByRole('button', { name: 'Compare annotators' }).click();
    const compare = bea.page.getByRole('region', { name: 'Comparison of annotators' });
    await compare.locator('.disagreement').first().focus();
    await bea.page.keyboard.press('r');
    await expect(compare.locator('.disagreement').first()).toContainText('Settled: rejected both');
    await expect(syncStatus(bea.page)).toHaveText(/^Offline — your changes are kept \(\d+ changes? waiting\)/);
    // Nothing reached Ana meanwhile.
    await expect(ana.page.locator('.claim-entry')).toHaveCount(1);

    // Bea closes the browser and opens it again, online: she signs in again, and it all goes out.
    await bea.context.setOffline(false);
    await bea.restart();
    await expect(syncStatus(bea.page)).toHaveText(/^(Sign-in failed|Synced)/, { timeout: 10_000 });
    if ((await syncStatus(bea.page).textContent())?.startsWith('Sign-in failed')) await connect(bea.page, database, 'bea');
    await expect(syncStatus(bea.page)).toHaveText(/^Synced/, { timeout: 15_000 });

    await expect(ana.page.locator('.claim-entry', { hasText: 'Bea (read-only)' })).toHaveCount(2, { timeout: 10_000 });
    await expect(ana.page.locator('.claim-entry')).toHaveCount(3);
    const mine = ana.page.locator('.claim-entry', { hasText: 'Ana ·' });
    await mine.getByRole('button').first().click();
    await expect(mine.getByRole('list', { name: 'Comments' })).toHaveText('Bea: The minutes say 6 to 3.');
    await ana.page.getByRole('button', { name: 'Compare annotators' }).click();
    await expect(ana.page.getByRole('region', { name: 'Comparison of annotators' }).locator('.disagreement').first()).toContainText('Settled: rejected both', {
      timeout: 10_000,
    });
    // The same in the database: one document each, nothing doubled.
    const docs = await allDocs(database);
    expect(docs.filter((d) => d.type === 'claim')).toHaveLength(3);
    expect(docs.filter((d) => d.type === 'comment')).toHaveLength(1);
    expect(docs.filter((d) => d.type === 'decision')).toHaveLength(1);
    expect(docs.filter((d) => d.type === 'article')).toHaveLength(1);
  } finally {
    await Promise.all([ana.close(), bea.close()]);
  }
});

test('one user on two machines edits the same claim offline: both show the same winner and the conflict, and "Keep this one" settles it on both', async () => {
  test.setTimeout(120_000);
  const database = await newProject(['cat']);
  const first = await member(database, 'cat', 'Cat');
  const second = await member(database, 'cat', 'Cat');
  try {
    await openArticle(first.page, DEMO);
    await openArticle(second.page, DEMO);
    await markClaim(first.page, 'voted 7 to 2 on Tuesday', 'Sourced');
    const claimOn = (p: Profile) => p.page.locator('.claim-entry', { hasText: 'voted 7 to 2' });
    await expect(claimOn(second)).toHaveCount(1, { timeout: 10_000 });

    await first.context.setOffline(true);
    await second.context.setOffline(true);
    await claimOn(first).getByRole('button').first().click();
    await claimOn(first).getByLabel('Label').selectOption({ label: 'Disputed' });
    await expect(claimOn(first).locator('.label-tag').first()).toHaveText('Disputed');
    await claimOn(second).getByRole('button').first().click();
    await claimOn(second).getByLabel('Label').selectOption({ label: 'Opinion' });
    await expect(claimOn(second).locator('.label-tag').first()).toHaveText('Opinion');
    await first.context.setOffline(false);
    await expect(syncStatus(first.page)).toHaveText(/^Synced/, { timeout: 15_000 });
    await second.context.setOffline(false);
    await expect(syncStatus(second.page)).toHaveText(/^Synced/, { timeout: 15_000 });

    // The later change wins everywhere, and both machines say the claim was changed in two places.
    for (const p of [first, second]) {
      const conflict = claimOn(p).getByRole('group', { name: 'Changed elsewhere at the same time' });
      await expect(conflict).toBeVisible({ timeout: 15_000 });
      await expect(claimOn(p).locator('.claim-select .label-tag')).toHaveText('Opinion');
      await expect(conflict.locator('.conflict-version')).toHaveCount(2);
    }
    // Cat keeps the Disputed version on the first machine: both show it, and the marker goes.
    await claimOn(first)
      .getByRole('group', { name: 'Changed elsewhere at the same time' })
      .locator('.conflict-version', { hasText: 'Disputed' })
      .getByRole('button', { name: 'Keep this one' })
      .click();
    for (const p of [first, second]) {
      await expect(claimOn(p).getByRole('group', { name: 'Changed elsewhere at the same time' })).toHaveCount(0, { timeout: 15_000 });
      await expect(claimOn(p).locator('.claim-select .label-tag')).toHaveText('Disputed');
    }
    const docs = await allDocs(database, { conflicts: true });
    expect(docs.filter((d) => d.type === 'claim').map((d) => [d.label, d._conflicts ?? []])).toEqual([['disputed', []]]);
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
});

test('two reviewers decide the same disagreement offline: both show the later decision and the conflict, and "Keep this one" settles it on both', async () => {
  test.setTimeout(120_000);
  const database = await newProject([], ['bea', 'dan']);
  const [bea, dan] = await Promise.all([member(database, 'bea', 'Bea'), member(database, 'dan', 'Dan')]);
  try {
    await Promise.all([openArticle(bea.page, DEMO), openArticle(dan.page, DEMO)]);
    await markClaim(bea.page, 'voted 7 to 2 on Tuesday', 'Sourced');
    await expect(dan.page.locator('.claim-entry', { hasText: 'Bea (read-only)' })).toHaveCount(1, { timeout: 10_000 });
    await markClaim(dan.page, 'voted 7 to 2 on Tuesday', 'Disputed');
    await expect(bea.page.locator('.claim-entry', { hasText: 'Dan (read-only)' })).toHaveCount(1, { timeout: 10_000 });
    const disagreement = (p: Profile) => p.page.getByRole('region', { name: 'Comparison of annotators' }).locator('.disagreement').first();
    for (const p of [bea, dan]) {
      await p.page.getByRole('button', { name: 'Compare annotators' }).click();
      await expect(disagreement(p)).toContainText('Not settled yet.');
      await p.context.setOffline(true);
    }
    await disagreement(bea).getByRole('button', { name: 'Accept Bea' }).click();
    await expect(disagreement(bea)).toContainText('Settled: accepted Bea’s claim, by Bea');
    await disagreement(dan).getByRole('button', { name: 'Reject both' }).click();
    await expect(disagreement(dan)).toContainText('Settled: rejected both, by Dan');
    for (const p of [bea, dan]) {
      await p.context.setOffline(false);
      await expect(syncStatus(p.page)).toHaveText(/^Synced/, { timeout: 15_000 });
    }

    // Dan decided later: his decision is shown on both, with both decisions marked.
    const conflictOn = (p: Profile) => disagreement(p).getByRole('group', { name: 'Changed elsewhere at the same time' });
    for (const p of [bea, dan]) {
      await expect(conflictOn(p)).toBeVisible({ timeout: 15_000 });
      await expect(disagreement(p).locator('.decision')).toHaveText('Settled: rejected both, by Dan.');
      await expect(conflictOn(p).locator('.conflict-version')).toHaveCount(2);
    }
    await conflictOn(bea).locator('.conflict-version', { hasText: 'accepted' }).getByRole('button', { name: 'Keep this one' }).click();
    for (const p of [bea, dan]) {
      await expect(conflictOn(p)).toHaveCount(0, { timeout: 15_000 });
      await expect(disagreement(p).locator('.decision')).toHaveText('Settled: accepted Bea’s claim, by Bea.');
    }
    const docs = await allDocs(database, { conflicts: true });
    expect(docs.filter((d) => d.type === 'decision').map((d) => [d.status, d._conflicts ?? []])).toEqual([['accepted', []]]);
  } finally {
    await Promise.all([bea.close(), dan.close()]);
  }
});

test('tabs of one browser: one syncs, the others show its status and send through it; when it closes another takes over', async () => {
  test.setTimeout(120_000);
  const database = await newProject(['ana', 'bea']);
  const ana = await Profile.create();
  const bea = await member(database, 'bea', 'Bea');
  try {
    await startApp(ana.page, 'Ana');
    // A second tab, open before the project is connected in the first.
    const second = await ana.context.newPage();
    await second.goto('/');
    await expect(second.locator('body[data-ready]')).toBeAttached();
    const requests = new Map<Page, number>();
    ana.context.on('request', (request) => {
      if (!request.url().startsWith(COUCH.url)) return;
      const page = request.frame().page();
      requests.set(page, (requests.get(page) ?? 0) + 1);
    });
    await connect(ana.page, database, 'ana');
    for (const tab of [ana.page, second]) await expect(syncStatus(tab)).toHaveText(/^Synced/, { timeout: 15_000 });

    // A claim made in the tab that does not sync goes out through the one that does.
    await Promise.all([openArticle(second, DEMO), openArticle(bea.page, DEMO)]);
    await markClaim(second, 'voted 7 to 2 on Tuesday', 'Sourced');
    await expect(bea.page.locator('.claim-entry', { hasText: 'Ana (read-only)' })).toHaveCount(1, { timeout: 10_000 });
    await expect(syncStatus(second)).toHaveText(/^Synced/, { timeout: 10_000 });
    expect(requests.get(second) ?? 0).toBe(0);
    expect(requests.get(ana.page) ?? 0).toBeGreaterThan(0);

    // The syncing tab closes: the other takes over, and Bea's next claim reaches it.
    await ana.page.close();
    await markClaim(bea.page, 'the best thing to happen to this town in a generation', 'Opinion');
    await expect(second.locator('.claim-entry', { hasText: 'Bea (read-only)' })).toHaveCount(1, { timeout: 15_000 });
    expect(requests.get(second) ?? 0).toBeGreaterThan(0);
    await expect(syncStatus(second)).toHaveText(/^Synced/);
    expect((await allDocs(database)).filter((d) => d.type === 'claim')).toHaveLength(2);
  } finally {
    await Promise.all([ana.close(), bea.close()]);
  }
});

test('a wrong password, a non-member and a forged document are each refused with a clear message, and nothing local is lost', async () => {
  test.setTimeout(90_000);
  const database = await newProject(['ana', 'bea'], [], { design: true });
  await ensureUser('eve');
  const eve = await Profile.create();
  try {
    await startApp(eve.page, 'Eve');
    await openArticle(eve.page, DEMO);
    await markClaim(eve.page, 'voted 7 to 2 on Tuesday', 'Opinion');
    await eve.page.getByRole('link', { name: '← Library' }).click();

    await connect(eve.page, database, 'ana', { secret: 'not-her-password' });
    const dialog = eve.page.getByRole('dialog', { name: 'Team project' });
    await expect(dialog.getByRole('alert')).toHaveText('Sign-in failed: the user name or password is wrong.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await connect(eve.page, database, 'eve');
    await expect(dialog.getByRole('alert')).toHaveText(`eve is not a member of the project ${database}: ask its administrator to add you.`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(syncStatus(eve.page)).toBeHidden();
    // Her claim is still there, under her own name.
    await expect(eve.page.locator('.library-item', { hasText: DEMO }).getByRole('list', { name: 'Claims by label' })).toContainText('1 Opinion');
    await openArticle(eve.page, DEMO);
    await expect(eve.page.locator('.claim-entry')).toHaveText([/Opinion.*Eve ·/s]);
  } finally {
    await eve.close();
  }

  // Over HTTP, with her own password, Bea writes a claim under Ana's name: the design document refuses it.
  const forged = await fetch(`${COUCH.url}/${database}/claim:forged`, {
    method: 'PUT',
    headers: { Authorization: `Basic ${Buffer.from(`bea:${password('bea')}`).toString('base64')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ _id: 'claim:forged', type: 'claim', article: 'a'.repeat(64), annotator: { id: 'ana', name: 'Ana' } }),
  });
  expect(forged.status).toBe(403);
  expect(await forged.json()).toEqual({ error: 'forbidden', reason: "claim is written under another name than bea's" });
  // A non-member cannot even read the project.
  const peek = await fetch(`${COUCH.url}/${database}/_all_docs`, {
    headers: { Authorization: `Basic ${Buffer.from(`eve:${password('eve')}`).toString('base64')}` },
  });
  expect([401, 403]).toContain(peek.status);
});

test('three people label 50 claims each at once: all 150 reach everyone, with equal counts', async () => {
  // 150 labels, each waited for on screen, in three browsers at once: about 2.2 minutes alone on 2 cores, more beside other specs.
  test.setTimeout(300_000);
  const database = await newProject(['ana', 'bea', 'cat']);
  const people = await Promise.all([member(database, 'ana', 'Ana'), member(database, 'bea', 'Bea'), member(database, 'cat', 'Cat')]);
  try {
    const words = [
      ...new Set(
        DEMO_TEXT.split('\n')
          .slice(1)
          .join('\n')
          .match(/[A-Za-z]{5,}/g),
      ),
    ]
      .filter((w) => DEMO_TEXT.split(w).length === 2)
      .slice(0, 50);
    expect(words).toHaveLength(50);
    await Promise.all(people.map((p) => openArticle(p.page, DEMO)));
    await Promise.all(
      people.map(async (p, i) => {
        for (const [n, word] of words.entries()) {
          await selectWord(p.page, word);
          await p.page.keyboard.press(String(i + 1));
          await expect(p.page.locator('.claim-entry', { hasText: `${p === people[0] ? 'Ana' : p === people[1] ? 'Bea' : 'Cat'} ·` })).toHaveCount(n + 1);
        }
      }),
    );
    for (const p of people) {
      await expect(p.page.locator('.article-text mark[data-claim-id]')).toHaveCount(150, { timeout: 30_000 });
      await expect(syncStatus(p.page)).toHaveText(/^Synced/, { timeout: 30_000 });
      await p.page.getByRole('link', { name: '← Library' }).click();
      await expect(p.page.locator('.library-item', { hasText: DEMO }).getByRole('list', { name: 'Claims by label' })).toHaveText(
        '50 Sourced50 Disputed50 Opinion',
      );
    }
    expect((await allDocs(database)).filter((d) => d.type === 'claim')).toHaveLength(150);
  } finally {
    await Promise.all(people.map((p) => p.close()));
  }
});

test('a deletion reaches everyone, and undoing it brings the claim back everywhere', async () => {
  test.setTimeout(90_000);
  const database = await newProject(['ana', 'bea']);
  const [ana, bea] = await Promise.all([member(database, 'ana', 'Ana'), member(database, 'bea', 'Bea')]);
  try {
    await Promise.all([openArticle(ana.page, DEMO), openArticle(bea.page, DEMO)]);
    await markClaim(ana.page, 'voted 7 to 2 on Tuesday', 'Sourced');
    const seen = bea.page.locator('.claim-entry', { hasText: 'voted 7 to 2' });
    await expect(seen).toHaveCount(1, { timeout: 10_000 });
    const mine = ana.page.locator('.claim-entry', { hasText: 'voted 7 to 2' });
    await mine.getByRole('button').first().click();
    await mine.getByRole('button', { name: 'Delete claim' }).click();
    await expect(mine).toHaveCount(0);
    await expect(seen).toHaveCount(0, { timeout: 10_000 });
    await ana.page.keyboard.press('Control+z');
    await expect(mine).toHaveCount(1);
    await expect(seen).toHaveCount(1, { timeout: 10_000 });
    await expect(syncStatus(ana.page)).toHaveText(/^Synced/);
    expect((await allDocs(database)).filter((d) => d.type === 'claim').map((d) => d.label)).toEqual(['sourced']);
  } finally {
    await Promise.all([ana.close(), bea.close()]);
  }
});

test('links between articles and claim threads reach everyone, and so does removing a link', async () => {
  test.setTimeout(120_000);
  const ORIGINAL = /^The CSTO arrives in Iraq and Syria$/;
  const database = await newProject(['ana', 'bea']);
  const [ana, bea] = await Promise.all([member(database, 'ana', 'Ana'), member(database, 'bea', 'Bea')]);
  try {
    await addCorpus(ana.page, [CORPUS_FILES[0], CORPUS_FILES[1]]);
    await ana.page.getByRole('list', { name: 'Likely versions of one text' }).getByRole('button', { name: 'Link as versions…' }).click();
    await ana.page.getByLabel('…relates to the other as').selectOption('republishes');
    await ana.page.getByRole('button', { name: 'Link', exact: true }).click();
    await expect(ana.page.getByText('1 link between articles.')).toBeVisible();
    // The link brings its two articles with it.
    await expect(bea.page.getByText('1 link between articles.')).toBeVisible({ timeout: 10_000 });
    await openArticle(bea.page, ORIGINAL);
    await expect(bea.page.locator('.provenance')).toContainText('This article is republished by “The Phaserl”');

    await openArticle(ana.page, ORIGINAL);
    await markClaim(
      ana.page,
      'the CSTO is a classic military alliance between six ex-members of the Soviet Union - Belarus, Russia, Armenia, Tadjikistan, Kazakhstan, and Kirghizistan',
      'Sourced',
    );
    const links = ana.page.locator('.claim-entry.is-selected .claim-links');
    await links.getByRole('listitem').filter({ hasText: 'The Phaserl' }).getByRole('button', { name: 'Same claim' }).click();
    await expect(ana.page.locator('#notices').getByRole('status')).toContainText('Linked as the same claim (thread of 2).');
    await expect(bea.page.locator('.claim-entry', { hasText: 'Ana (read-only)' })).toHaveCount(1, { timeout: 10_000 });

    // Removing the link in one browser removes it in the other's open article.
    await ana.page.locator('.provenance').getByRole('button', { name: 'Remove link' }).click();
    await expect(ana.page.locator('.provenance')).not.toContainText('republished by');
    await expect(bea.page.locator('.provenance')).not.toContainText('republished by', { timeout: 10_000 });
    await bea.page.getByRole('link', { name: '← Library' }).click();
    await expect(bea.page.getByText('0 links between articles.')).toBeVisible();
    await expect(bea.page.getByRole('list', { name: 'Claim threads' }).getByRole('listitem')).toHaveText([/— 2 appearances$/]);
    await expect(syncStatus(ana.page)).toHaveText(/^Synced/);
    const docs = await allDocs(database);
    expect(docs.filter((d) => d.type === 'relation')).toEqual([]);
    expect(docs.filter((d) => d.type === 'thread').map((d) => (d.claims as string[]).length)).toEqual([2]);
  } finally {
    await Promise.all([ana.close(), bea.close()]);
  }
});

test('the server stops in the middle of a first sync and starts again: the status says so, nothing is lost, and sync goes on from its checkpoint', async () => {
  test.setTimeout(240_000);
  // A server of this spec's own, keeping its databases on disk, so that it can really be stopped.
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-couch-restart-'));
  let server = await startTestCouch(5987, dir);
  const couch = { url: server.url, admin: server.admin };
  const database = await newProject(['dan', 'eve'], [], { couch });
  const SEEDED = 6_000;
  await seedClaims(database, 'eve', 'Six thousand statements', SEEDED, couch);
  const dan = await member(database, 'dan', 'Dan', couch, false);
  try {
    // Stopped once a few batches are in, so that there is a checkpoint to resume from.
    await expect(syncStatus(dan.page)).toHaveText(/^Syncing… [1-9],\d{3} of 6,001/, { timeout: 30_000 });
    await server.stop();
    await expect(syncStatus(dan.page)).toHaveText(/^Server unreachable — retrying/, { timeout: 20_000 });

    // Dan works while the server is down; his claim waits.
    await openArticle(dan.page, DEMO);
    await markClaim(dan.page, 'voted 7 to 2 on Tuesday', 'Sourced');
    await expect(syncStatus(dan.page)).toHaveText(/^Server unreachable — retrying \(1 change waiting\)/, { timeout: 20_000 });

    // Back up: the pull asks for changes after its checkpoint, not from the start.
    const since: string[] = [];
    dan.page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.port === '5987' && url.pathname.endsWith('/_changes')) since.push(url.searchParams.get('since') ?? '0');
    });
    server = await startTestCouch(5987, dir);
    await expect(syncStatus(dan.page)).toHaveText(/^Synced/, { timeout: 90_000 });
    expect(since.length).toBeGreaterThan(0);
    expect(since[0]).not.toBe('0');

    await dan.page.getByRole('link', { name: '← Library' }).click();
    await expect(dan.page.locator('.library-item', { hasText: 'Six thousand statements' }).getByRole('list', { name: 'Claims by label' })).toHaveText(
      `${SEEDED} Sourced0 Disputed0 Opinion`,
    );
    const docs = await allDocs(database, { couch });
    expect(docs.filter((d) => d.type === 'claim')).toHaveLength(SEEDED + 1);
    expect(docs.find((d) => d.type === 'claim' && (d.annotator as { id: string }).id === 'dan')).toMatchObject({ exact: 'voted 7 to 2 on Tuesday' });
  } finally {
    await dan.close();
    await server.stop();
  }
});
