/** Wires the store, the editor and the UI together and starts the app. */
import './styles.css';
import { makeArticle } from './core/article';
import { newId, type Annotator } from './core/model';
import { DEMO_META, DEMO_TEXT } from './demo';
import { ARTICLE_FILE_TYPES } from './files/article-files';
import { Store } from './store/db';
import { App } from './ui/app';
import { formDialog } from './ui/dialogs';
import { guard, reportFailuresTo } from './ui/guard';
import { restoreLeftOver, WriteJournal } from './ui/journal';
import { errorMessage } from './core/errors';
import { h } from './ui/dom';
import { Notices } from './ui/notices';
import { LibrarySearch } from './search/index-client';
import { searchBox } from './ui/search';

/** The stored annotator, or one named now (asked once, on first start). */
async function annotatorOf(store: Store): Promise<Annotator> {
  const stored = await store.getSetting('annotator');
  if (stored) return stored;
  const values = await formDialog({
    title: 'Welcome to claimtrail',
    submit: 'Start',
    cancellable: false,
    fields: [{ name: 'name', label: 'Your name, shown on the claims you make', required: true }],
  });
  const annotator = { id: newId(), name: values!.name! };
  await store.setSetting('annotator', annotator);
  return annotator;
}

/** Adds the demo article the first time the app starts in this browser. */
async function addDemoOnce(store: Store): Promise<void> {
  if (await store.getSetting('demoAdded')) return;
  const { article, text } = await makeArticle(DEMO_TEXT, DEMO_META);
  await store.addArticle(article, text);
  await store.setSetting('demoAdded', true);
}

function filePicker(accept: string, onFiles: (files: File[]) => void): HTMLInputElement {
  const input = h('input', { type: 'file', multiple: true, accept, hidden: true, tabindex: -1 });
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) onFiles(files);
  });
  return input;
}

function isExportFile(file: File): boolean {
  return /\.(jsonld?|zip)$/i.test(file.name) || ['application/json', 'application/ld+json', 'application/zip'].includes(file.type);
}

/** Dropping files anywhere: annotation files (claimtrail, W3C, Hypothesis, brat zips) are imported, everything else is added as articles. */
function acceptDrops(app: App): void {
  const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  document.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', (event) => {
    if (!event.relatedTarget) document.body.classList.remove('dragging');
  });
  document.addEventListener('drop', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    document.body.classList.remove('dragging');
    const files = [...(event.dataTransfer?.files ?? [])];
    const exports = files.filter(isExportFile);
    const articles = files.filter((f) => !isExportFile(f));
    guard(async () => {
      if (articles.length) await app.addArticleFiles(articles);
      if (exports.length) await app.importFiles(exports);
    });
  });
}

/** Ctrl/Cmd+Z undoes the last claim action, with Shift (or Ctrl+Y) it redoes; form fields keep their own undo. */
function undoKeys(app: App): void {
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    if ((event.target as Element | null)?.closest('input, textarea, select')) return;
    const key = event.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    event.preventDefault();
    if (key === 'y' || event.shiftKey) guard(app.redo());
    else guard(app.undo());
  });
}

async function main(notices: Notices, mainElement: HTMLElement): Promise<void> {
  // Other tabs may speak before the app is made: until then there is nothing to bring in step.
  const started: { app?: App } = {};
  const store = await Store.open('claimtrail', {
    onChange: (change) => started.app?.onExternalChange(change),
    onVersionChange: () => started.app?.onVersionChange(),
    onBlocked: () =>
      notices.error('claimtrail is being updated, but another claimtrail tab still has the old version open: close that tab (or reload it) to go on.'),
    onTerminated: () =>
      notices.error('The browser closed claimtrail’s storage unexpectedly (it may be low on disk space). What was stored is safe: reload the page to go on.'),
  });
  const annotator = await annotatorOf(store);
  await addDemoOnce(store).catch((error: unknown) => notices.error(errorMessage(error)));

  const articlePicker = filePicker(ARTICLE_FILE_TYPES, (files) => guard(() => app.addArticleFiles(files)));
  const importPicker = filePicker('.json,.jsonld,.zip,application/json,application/ld+json,application/zip', (files) => guard(() => app.importFiles(files)));
  const journal = new WriteJournal(store.name);
  try {
    const { restored, lost } = await restoreLeftOver(journal, store);
    if (restored.length) notices.report('Stored now what the page had not finished storing when it closed:', restored);
    if (lost.length) notices.error('Changes made just before the page closed were not stored, and the claims have changed since:', lost);
  } catch (error) {
    notices.error(errorMessage(error));
  }
  const search = new LibrarySearch(store.name);
  const app = new App(store, annotator, mainElement, notices, () => articlePicker.click(), journal, search);
  started.app = app;

  const who = h('button', { type: 'button', class: 'quiet', id: 'annotator' }, `Annotator: ${annotator.name}`);
  who.addEventListener('click', () =>
    guard(async () => {
      who.textContent = `Annotator: ${(await app.renameAnnotator()).name}`;
    }),
  );
  document
    .getElementById('views')!
    .append(
      h('a', { href: '#/' }, 'Library'),
      h('a', { href: '#/claims' }, 'Claims'),
      h('a', { href: '#/review' }, 'To review'),
      h('a', { href: '#/overview' }, 'Overview'),
    );
  document.getElementById('views')!.after(searchBox(search));
  document
    .getElementById('actions')!
    .append(
      h('button', { type: 'button', onclick: () => articlePicker.click() }, 'Add articles'),
      h('button', { type: 'button', onclick: () => importPicker.click() }, 'Import annotations'),
      h('button', { type: 'button', onclick: () => guard(app.exportAll()) }, 'Export'),
      h('button', { type: 'button', onclick: () => guard(app.exportAs()) }, 'Export as…'),
      who,
      app.team.button,
      app.team.statusLine,
      articlePicker,
      importPicker,
    );
  acceptDrops(app);
  undoKeys(app);
  const project = await store.team.project();
  await app.start();
  search.startWhenIdle();
  guard(app.team.resume(project));
  document.body.dataset.ready = 'true';
  performance.mark('claimtrail:ready');
}

/**
 * Starts the app. Every failed action is reported in the error box from here on; if start-up
 * itself fails (the browser refuses storage, say), the page says why instead of staying blank.
 */
function start(): void {
  const notices = new Notices(document.getElementById('notices')!);
  const mainElement = document.getElementById('main')!;
  reportFailuresTo((message) => notices.error(message));
  main(notices, mainElement).catch((error: unknown) => {
    mainElement.replaceChildren(
      h(
        'div',
        { class: 'startup-failed', role: 'alert' },
        h('h1', {}, 'claimtrail could not start'),
        h('p', {}, errorMessage(error)),
        h('p', {}, 'Nothing stored was changed. Reload the page to try again; if it keeps failing, check that this browser allows this site to store data.'),
      ),
    );
  });
}

start();
