// `pnpm --filter @plugboard/demo dev` (the README's `npm run demo`): sandbox + demo, one command.
import { parseArgs } from 'node:util';
import { startDemo } from './demo-server';

const { values } = parseArgs({
  // `pnpm … dev -- --port 1` passes the `--` through: skip it.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    port: { type: 'string' },
    'sandbox-port': { type: 'string' },
    host: { type: 'string' },
  },
});

const port = values.port === undefined ? 5173 : Number(values.port);
const sandboxPort = values['sandbox-port'] === undefined ? 4010 : Number(values['sandbox-port']);

/** One line, no stack trace, then exit: what `npm run demo` prints when it cannot start. */
function stop(message: string): never {
  console.error(`plugboard demo: ${message}`);
  process.exit(1);
}

for (const [flag, value, given] of [
  ['--port', port, values.port],
  ['--sandbox-port', sandboxPort, values['sandbox-port']],
] as const) {
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    stop(`${flag} must be a port number from 0 to 65535 (0 picks a free one), not "${given}".`);
  }
}
if (port === sandboxPort && port !== 0)
  stop(`--port and --sandbox-port are both ${port}: give them two ports.`);

const demo = await startDemo({ port, sandboxPort, host: values.host }).catch((error: unknown) => {
  const { code, port: busy } = (error ?? {}) as { code?: string; port?: number };
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    // The sandbox listens first: a busy port equal to both is the sandbox's.
    const flag = busy === sandboxPort ? '--sandbox-port' : '--port';
    const why = code === 'EADDRINUSE' ? 'is in use' : 'needs permissions this user does not have';
    stop(`port ${busy} ${why}; choose another with ${flag} (npm run demo -- ${flag} <port>).`);
  }
  throw error;
});
console.log(`Plugboard demo     ${demo.demoUrl}`);
console.log(`Plugboard sandbox  ${demo.sandboxUrl}`);
console.log('Press Ctrl-C to stop both.');

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) process.exit(1);
    closing = true;
    demo.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
