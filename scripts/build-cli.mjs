// Builds the `claimtrail` command to plain JavaScript in build/cli/ (run by `prepare` on every
// install, and by `npm run build`), so the command starts without compiling TypeScript. Each
// command is its own chunk, loaded only when it runs.
import { build } from 'esbuild';

await build({
  entryPoints: { claimtrail: 'src/cli/bin.ts' },
  outdir: 'build/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
