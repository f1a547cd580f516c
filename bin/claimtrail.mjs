#!/usr/bin/env node
// The claimtrail command. Runs the TypeScript sources through tsx, so it works right after
// `npm ci` with no build step: `npx claimtrail agree FILE...`.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2), (text) => console.log(text), (text) => console.error(text));
