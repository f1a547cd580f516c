/**
 * The shared test corpus (../shared/corpus beside the project, or CLAIMTRAIL_CORPUS), for unit
 * and end-to-end tests. The project never copies these texts; tests read them in place.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Absolute path of the corpus folder. */
export const CORPUS_DIR = process.env.CLAIMTRAIL_CORPUS ?? resolve(projectRoot, '../shared/corpus');

/** Absolute path of the saved news pages for developing article extraction (../shared/pages, or CLAIMTRAIL_PAGES). */
export const PAGES_DIR = process.env.CLAIMTRAIL_PAGES ?? resolve(projectRoot, '../shared/pages');

/** The saved page `name` (a folder of PAGES_DIR) as its site served it. */
export function sharedPage(name: string): string {
  return join(PAGES_DIR, name, 'source.html');
}

/** The corpus file names, in manifest order. */
export const CORPUS_FILES = [
  '000_5db7ccc2cadc8c6a.txt',
  '001_54ad07cce52304a5.txt',
  '002_8f4fe5d12681fb52.txt',
  '003_b382b7bce98f5533.txt',
  '004_30ba6e3c10c12ec5.txt',
] as const;

/** Absolute path of one corpus file. */
export function corpusPath(file: string): string {
  return join(CORPUS_DIR, file);
}

/** The raw UTF-8 text of one corpus file. */
export function readCorpus(file: string): string {
  return readFileSync(corpusPath(file), 'utf8');
}
