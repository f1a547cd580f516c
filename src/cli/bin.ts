/** The built command's entry: runs `claimtrail` with the process's arguments and sets its exit code. */
import { run } from './main';

process.exitCode = await run(
  process.argv.slice(2),
  (text) => console.log(text),
  (text) => console.error(text),
);
