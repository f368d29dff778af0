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

const demo = await startDemo({
  port: values.port === undefined ? undefined : Number(values.port),
  sandboxPort: values['sandbox-port'] === undefined ? undefined : Number(values['sandbox-port']),
  host: values.host,
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
