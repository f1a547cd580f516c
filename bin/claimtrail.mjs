#!/usr/bin/env node
// The claimtrail command, built to plain JavaScript by `npm ci` (prepare) or `npm run build`.
try {
  await import('../build/cli/claimtrail.mjs');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('build/cli/claimtrail.mjs')) throw error;
  console.error('claimtrail: the command is not built yet: run `npm ci` or `npm run build` first.');
  process.exitCode = 1;
}
