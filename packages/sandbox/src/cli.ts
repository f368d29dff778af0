#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startSandboxServer } from './server';

const USAGE = `Usage: plugboard-sandbox [options]

  --port N            port to listen on (default 4010; 0 picks a free one)
  --host HOST         address to bind (default 127.0.0.1)
  --api-key KEY       an accepted API key; repeat for more (default sandbox-key)
  --cors-origin URL   a browser origin allowed to call the API; repeat for more
  --control           serve the scripting route /_sandbox/control
  --link-ttl SECONDS  link session lifetime (default 600)
  --persist FILE      keep state in this JSON file across restarts
  --public-url URL    origin used in redirect_url (default: the address it listens on)
  --max-accounts N    accounts kept before the oldest is evicted (default 1000)
  --coop              serve the hosted pages (link and consent page) with
                      Cross-Origin-Opener-Policy: same-origin, as providers that
                      sever the popup's opener do (ac_linear always does)
  --unmasked          return credential values in state.val as given (and keep
                      them in memory and in --persist), as a Composio project
                      without masking does; default: masked as ********
  --help              show this help`;

function fail(message: string): never {
  console.error(`plugboard-sandbox: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function integer(text: string | undefined, name: string, min: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) fail(`${name} must be an integer ≥ ${min}, got "${text}"`);
  return value;
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'api-key': { type: 'string', multiple: true },
      'cors-origin': { type: 'string', multiple: true },
      control: { type: 'boolean' },
      'link-ttl': { type: 'string' },
      persist: { type: 'string' },
      'public-url': { type: 'string' },
      'max-accounts': { type: 'string' },
      coop: { type: 'boolean' },
      unmasked: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
}
try {
  parsed = parse();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const { values } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const linkTtl = integer(values['link-ttl'], '--link-ttl', 1);
const server = await startSandboxServer({
  port: integer(values.port, '--port', 0),
  host: values.host,
  apiKeys: values['api-key'],
  corsOrigins: values['cors-origin'],
  control: values.control,
  linkTtlMs: linkTtl === undefined ? undefined : linkTtl * 1000,
  persistPath: values.persist,
  publicUrl: values['public-url'],
  maxAccounts: integer(values['max-accounts'], '--max-accounts', 1),
  coop: values.coop,
  maskCredentials: values.unmasked === true ? false : undefined,
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));

console.log(`Plugboard sandbox on ${server.url}`);
console.log(`  API        ${server.url}/api/v3/  (and /api/v3.1/), key header x-api-key`);
console.log(`  link page  ${server.url}/link/<link_token>`);
if (values.control) console.log(`  control    ${server.url}/_sandbox/control`);
if (values.coop) console.log('  hosted pages served with Cross-Origin-Opener-Policy: same-origin');
if (values.unmasked) console.log('  credentials UNMASKED in state.val (and kept in memory and in --persist)');
console.log('Press Ctrl-C to stop.');

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) process.exit(1);
    closing = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
