// Runs one bench file (path in argv) in this process and sends its rows to scripts/bench.mjs over IPC.
// Started with `--import tsx --conditions=source`, so the file and the workspace load from source.
import { pathToFileURL } from 'node:url';

/** Sends the outcome, then exits: a bench may leave servers or timers behind, and the table must not wait. */
function finish(message) {
  if (!process.send) {
    console.log(JSON.stringify(message, null, 2));
    process.exit(0);
  }
  process.send(message, () => process.exit(0));
}

const file = process.argv[2];
try {
  const module = await import(pathToFileURL(file).href);
  if (typeof module.default !== 'function') throw new Error(`${file} has no default-exported bench function`);
  const rows = await module.default();
  if (!Array.isArray(rows)) throw new Error(`${file}'s bench returned ${typeof rows}, not BenchRow[]`);
  finish({ rows });
} catch (error) {
  console.error(error);
  finish({ error: error instanceof Error ? error.message.split('\n')[0] : String(error) });
}
