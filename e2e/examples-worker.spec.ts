// createConnectHandler inside Cloudflare's workerd (issue 11, Deliver 5): apps/example-worker's
// Worker, bundled from the built packages (no `source` condition, the `workerd` and `worker`
// conditions first, as wrangler resolves them), runs in workerd through miniflare — the runtime
// Cloudflare deploys, its binary shipped in the npm package — and serves link, create and get
// against the e2e sandbox server over HTTP.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { Miniflare } from 'miniflare';
import { build, type Rolldown } from 'vite';
import { buildPackages, root } from '../scripts/pack.mjs';
import { SANDBOX_API_KEY, SANDBOX_URL } from './ports';

const APP_ORIGIN = 'https://app.example.test';
const MOUNT = `${APP_ORIGIN}/api/connect/api/v3`;
let miniflare: Miniflare | undefined;

/** The Worker as one ES module, the way wrangler would bundle it. */
async function bundleWorker(): Promise<string> {
  buildPackages({ ifStale: true });
  // Vite's build sets process.env.NODE_ENV in this (the Playwright worker's) process; a later spec's
  // `npm install` would then leave out devDependencies. Put it back afterwards.
  const nodeEnv = process.env.NODE_ENV;
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: path.join(root, 'apps', 'example-worker'),
    mode: 'production',
    resolve: { conditions: ['workerd', 'worker', 'browser', 'module', 'import', 'default'] },
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      rolldownOptions: {
        input: path.join(root, 'apps', 'example-worker', 'src', 'worker.ts'),
        preserveEntrySignatures: 'exports-only',
        output: { format: 'es', codeSplitting: false },
      },
    },
  });
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((output) => output.output).filter((file) => file.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`expected one module, got ${chunks.length}`);
  return chunks[0]?.code ?? '';
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  miniflare = new Miniflare({
    modules: true,
    script: await bundleWorker(),
    compatibilityDate: '2025-09-01',
    bindings: { COMPOSIO_API_KEY: SANDBOX_API_KEY, COMPOSIO_BASE_URL: SANDBOX_URL, APP_ORIGIN },
  });
  await miniflare.ready;
});

test.afterAll(async () => {
  await miniflare?.dispose();
});

/** A same-origin request from the app's page, as the browser's createHttpBackend sends it. */
function call(pathAndQuery: string, init: { method?: string; body?: unknown } = {}) {
  if (!miniflare) throw new Error('workerd did not start');
  return miniflare.dispatchFetch(`${MOUNT}${pathAndQuery}`, {
    method: init.method ?? 'GET',
    headers: { origin: APP_ORIGIN, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

test('workerd: link session, connected account, and reading it back, through the sandbox server', async () => {
  const link = await call('/connected_accounts/link', {
    method: 'POST',
    body: { auth_config_id: 'ac_github', callback_url: `${APP_ORIGIN}/connect/callback` },
  });
  expect(link.status, await link.clone().text()).toBe(201);
  const session = (await link.json()) as { redirect_url: string; connected_account_id: string };
  // The sandbox server's hosted page: the handler reached it from inside workerd.
  expect(session.redirect_url.startsWith(SANDBOX_URL)).toBe(true);

  const created = await call('/connected_accounts', {
    method: 'POST',
    body: {
      auth_config: { id: 'ac_zendesk' },
      connection: {
        state: {
          authScheme: 'API_KEY',
          val: { status: 'ACTIVE', subdomain: 'acme', email: 'ops@acme.test', api_key: 'zd_worker_token_1' },
        },
      },
    },
  });
  const createdText = await created.clone().text();
  expect(created.status, createdText).toBe(201);
  // The secret does not come back.
  expect(createdText).not.toContain('zd_worker_token_1');
  const account = (await created.json()) as { id: string };

  const read = await call(`/connected_accounts/${encodeURIComponent(account.id)}`);
  expect(read.status).toBe(200);
  const body = (await read.json()) as { id: string; status: string; toolkit: { slug: string } };
  expect(body).toMatchObject({ id: account.id, status: 'ACTIVE', toolkit: { slug: 'zendesk' } });

  // The handler's policy runs in workerd too: an auth config off the allowlist is refused.
  const refused = await call('/connected_accounts/link', {
    method: 'POST',
    body: { auth_config_id: 'ac_linear', callback_url: `${APP_ORIGIN}/connect/callback` },
  });
  expect(refused.status).toBe(403);
});
