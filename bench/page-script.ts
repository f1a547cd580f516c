/** The bench's page-side code (bench/page-*.ts), bundled into one script to run in a page. */
import { build } from 'esbuild';

export async function pageScript(entry: string): Promise<string> {
  const bundle = await build({ entryPoints: [entry], bundle: true, format: 'iife', write: false, platform: 'browser', logLevel: 'silent' });
  return bundle.outputFiles[0]!.text;
}
