import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConnectError } from '@plugboard/core';
import { errorEnvelopeSchema } from '@plugboard/core/internal';
import { describe, expect, it } from 'vitest';
import { SandboxHttpError } from './envelope';
import type { SandboxPersistence } from './sandbox';
import type { StateSnapshot } from './state';
import { expectSpecClean, specChecked } from './testing/spec-checked';

// Every response of this suite is checked against Composio's OpenAPI spec (the last test).
const { oracle, createSandbox } = specChecked();
const ORIGIN = 'http://127.0.0.1:4010';

function clock(start = Date.parse('2026-11-26T10:00:00Z')) {
  let at = start;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

function post(sandbox: ReturnType<typeof createSandbox>, pathname: string, body: unknown) {
  return sandbox.handle(
    new Request(`${ORIGIN}${pathname}`, {
      method: 'POST',
      headers: { 'x-api-key': 'sandbox-key', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

function page(sandbox: ReturnType<typeof createSandbox>, token: string, form?: Record<string, string>) {
  return sandbox.handle(
    new Request(`${ORIGIN}/link/${token}`, form ? { method: 'POST', body: new URLSearchParams(form) } : {}),
  );
}

describe('in-process backend and completeLink', () => {
  it('moves an OAuth account INITIATED → ACTIVE and redirects to the callback with its query kept', async () => {
    const sandbox = createSandbox();
    const link = await sandbox.backend.createLinkSession({
      auth_config_id: 'ac_github',
      user_id: 'u1',
      callback_url: 'https://app.example/cb?state=abc',
    });
    expect((await sandbox.backend.getConnectedAccount(link.connected_account_id)).status).toBe('INITIATED');
    const { location } = await sandbox.completeLink(link.link_token, { allow: true });
    expect(location).toBe(
      `https://app.example/cb?state=abc&status=success&connected_account_id=${link.connected_account_id}`,
    );
    expect((await sandbox.backend.getConnectedAccount(link.connected_account_id)).status).toBe('ACTIVE');
  });

  it('deny → FAILED with a status_reason; a second answer is refused (409)', async () => {
    const sandbox = createSandbox();
    const link = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_slack', user_id: 'u1' });
    const { location } = await sandbox.completeLink(link.link_token, { deny: true });
    expect(location).toBe(`${ORIGIN}/link/${link.link_token}`);
    const account = await sandbox.backend.getConnectedAccount(link.connected_account_id);
    expect(account).toMatchObject({ status: 'FAILED', status_reason: expect.stringMatching(/denied/) });
    const again = await rejection(sandbox.completeLink(link.link_token, { allow: true }));
    expect(again).toBeInstanceOf(SandboxHttpError);
    expect((again as SandboxHttpError).body.status).toBe(409);
  });

  it('credentials through completeLink are checked like the form, with the prefill: 422 naming the field, then ACTIVE', async () => {
    const sandbox = createSandbox();
    const link = await sandbox.backend.createLinkSession({
      auth_config_id: 'ac_jira',
      user_id: 'u1',
      connection_data: { subdomain: 'acme' },
    });
    const bad = await rejection(
      sandbox.completeLink(link.link_token, { credentials: { username: 'ada', password: 'short' } }),
    );
    expect((bad as SandboxHttpError).body).toMatchObject({ status: 422, code: 613 });
    // subdomain came with connection_data, as the hosted form would have it filled in.
    expect((bad as SandboxHttpError).body.errors).toEqual([
      'username: must be an email address, e.g. ada@example.com',
      'password: must be at least 8 characters',
    ]);
    await sandbox.completeLink(link.link_token, {
      credentials: { username: 'ada@acme.test', password: 'atlassian-token-1' },
    });
    const account = await sandbox.backend.getConnectedAccount(link.connected_account_id);
    expect(account.status).toBe('ACTIVE');
    expect(account.state?.val).toMatchObject({
      subdomain: 'acme',
      username: 'ada@acme.test',
      password: '********',
    });
  });

  it('expires a link after linkTtlMs: the account goes EXPIRED with a reason', async () => {
    const time = clock();
    const sandbox = createSandbox({ now: time.now, linkTtlMs: 60_000 });
    const link = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u1' });
    expect(Date.parse(link.expires_at)).toBe(time.now() + 60_000);
    time.advance(59_999);
    expect((await sandbox.backend.getConnectedAccount(link.connected_account_id)).status).toBe('INITIATED');
    time.advance(1);
    const account = await sandbox.backend.getConnectedAccount(link.connected_account_id);
    expect(account).toMatchObject({
      status: 'EXPIRED',
      status_reason: expect.stringMatching(/did not complete/),
    });
    const expired = await rejection(sandbox.completeLink(link.link_token, { allow: true }));
    expect((expired as SandboxHttpError).body.status).toBe(410);
  });

  it('reports a malformed response as a ConnectError, never a crash (dropNext in-process)', async () => {
    const sandbox = createSandbox();
    sandbox.control.dropNext();
    const error = await rejection(
      sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u' }),
    );
    expect(error).toBeInstanceOf(ConnectError);
    expect((error as ConnectError).kind).toBe('network');
  });
});

describe('the hosted link page', () => {
  it('consent page: lang, title, h1 naming the toolkit, real buttons, security headers, no COOP', async () => {
    const sandbox = createSandbox();
    const link = await sandbox.backend.createLinkSession({
      auth_config_id: 'ac_notion',
      user_id: 'u1',
      callback_url: 'https://app.example/cb',
    });
    const response = await page(sandbox, link.link_token);
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Connect Notion · Plugboard Sandbox</title>');
    expect(html).toContain('<h1>Connect Notion</h1>');
    expect(html).toContain('<button type="submit" name="decision" value="allow"');
    expect(response.headers.get('content-security-policy')).toContain(
      "form-action 'self' https://app.example",
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cross-origin-opener-policy')).toBeNull();
  });

  it('credential form: labelled inputs, password type for secrets, prefill of non-secrets only', async () => {
    const sandbox = createSandbox();
    const link = await sandbox.backend.createLinkSession({
      auth_config_id: 'ac_zendesk',
      user_id: 'u1',
      connection_data: { subdomain: 'acme', api_key: 'prefilled-secret-1' },
    });
    const html = await (await page(sandbox, link.link_token)).text();
    expect(html).toContain('<label for="f-subdomain">Subdomain</label>');
    expect(html).toMatch(/id="f-api_key" name="api_key" type="password"/);
    expect(html).toMatch(/id="f-subdomain"[^>]*value="acme"/);
    expect(html).not.toContain('prefilled-secret-1');
  });

  it("checks and prefills connection_data keys core's schema does not list (Zendesk's email)", async () => {
    const sandbox = createSandbox();
    const bad = await post(sandbox, '/api/v3/connected_accounts/link', {
      auth_config_id: 'ac_zendesk',
      user_id: 'u1',
      connection_data: { email: 'not-an-email' },
    });
    expect(bad.status).toBe(422);
    expect(errorEnvelopeSchema.parse(await bad.json()).error).toMatchObject({
      code: 613,
      errors: ['email: must be an email address, e.g. ada@example.com'],
    });
    const good = await post(sandbox, '/api/v3/connected_accounts/link', {
      auth_config_id: 'ac_zendesk',
      user_id: 'u1',
      connection_data: { subdomain: 'acme', email: 'ada@acme.test' },
    });
    expect(good.status).toBe(201);
    const { link_token } = (await good.json()) as { link_token: string };
    const html = await (await page(sandbox, link_token)).text();
    expect(html).toMatch(/id="f-email"[^>]*value="ada@acme.test"/);
    expect(html).toMatch(/id="f-subdomain"[^>]*value="acme"/);
  });

  it('a bad submit re-renders with 422, errors tied by aria-describedby, secrets not echoed', async () => {
    const sandbox = createSandbox();
    const link = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_stripe', user_id: 'u1' });
    const response = await page(sandbox, link.link_token, { api_key: 'pk_test_wrongkind1' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/aria-describedby="f-api_key-hint f-api_key-error" aria-invalid="true" autofocus/);
    expect(html).toContain('<p class="error" id="f-api_key-error">must be a Stripe secret or restricted key');
    expect(html).not.toContain('pk_test_wrongkind1');
    const refused = await page(sandbox, link.link_token, { api_key: 'sk_test_revoked_1234' });
    expect(await refused.text()).toContain('this credential has been revoked');
    const ok = await page(sandbox, link.link_token, { api_key: 'sk_test_12345678' });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('You can close this window.');
  });

  it('Cancel on the form fails the account; an unknown token is a 404 page', async () => {
    const sandbox = createSandbox();
    const link = await sandbox.backend.createLinkSession({
      auth_config_id: 'ac_vercel',
      user_id: 'u1',
      callback_url: 'https://app.example/cb',
    });
    const response = await page(sandbox, link.link_token, { decision: 'deny' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('status=failed');
    expect((await sandbox.backend.getConnectedAccount(link.connected_account_id)).status_reason).toBe(
      'The user cancelled the connection',
    );
    expect((await page(sandbox, 'lt_nope')).status).toBe(404);
  });

  it('escapes everything it writes into HTML', async () => {
    const sandbox = createSandbox();
    const link = await sandbox.backend.createLinkSession({
      auth_config_id: 'ac_github',
      user_id: '<script>x</script>',
    });
    const html = await (await page(sandbox, link.link_token)).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
  });
});

describe('scripted outcomes', () => {
  it('failNext: per route and count, with a custom envelope; others unaffected; reset clears it', async () => {
    const sandbox = createSandbox();
    sandbox.control.failNext({
      status: 503,
      route: 'createLinkSession',
      count: 2,
      slug: 'Upstream_Down',
      suggested_fix: 'wait',
    });
    const answer = () =>
      sandbox.handle(
        new Request(`${ORIGIN}/api/v3/connected_accounts/link`, {
          method: 'POST',
          headers: { 'x-api-key': 'sandbox-key' },
          body: JSON.stringify({ auth_config_id: 'ac_github', user_id: 'u1' }),
        }),
      );
    const first = await answer();
    expect(first.status).toBe(503);
    expect(errorEnvelopeSchema.parse(await first.json()).error).toMatchObject({
      slug: 'Upstream_Down',
      suggested_fix: 'wait',
      status: 503,
    });
    const toolkit = await sandbox.handle(
      new Request(`${ORIGIN}/api/v3/toolkits/github`, { headers: { 'x-api-key': 'sandbox-key' } }),
    );
    expect(toolkit.status).toBe(200);
    expect((await answer()).status).toBe(503);
    expect((await answer()).status).toBe(201);
    sandbox.control.failNext({ status: 500 });
    sandbox.control.reset();
    expect((await answer()).status).toBe(201);
    expect(sandbox.control.describe().failures).toEqual([]);
  });

  it('failNext over a list of routes: a read of another route passes, the next of those fails', async () => {
    const sandbox = createSandbox();
    sandbox.control.failNext({ status: 500, route: ['createLinkSession', 'createConnectedAccount'] });
    const list = await sandbox.handle(
      new Request(`${ORIGIN}/api/v3/connected_accounts?user_ids=u1`, {
        headers: { 'x-api-key': 'sandbox-key' },
      }),
    );
    expect(list.status).toBe(200);
    const create = await sandbox.handle(
      new Request(`${ORIGIN}/api/v3/connected_accounts/link`, {
        method: 'POST',
        headers: { 'x-api-key': 'sandbox-key' },
        body: JSON.stringify({ auth_config_id: 'ac_github', user_id: 'u1' }),
      }),
    );
    expect(create.status).toBe(500);
    expect(sandbox.control.describe().failures).toEqual([]);
  });

  it('denyConsent: opening the link fails it at once and redirects with status=failed', async () => {
    const sandbox = createSandbox();
    sandbox.control.denyConsent();
    const link = await sandbox.backend.createLinkSession({
      auth_config_id: 'ac_github',
      user_id: 'u1',
      callback_url: 'https://app.example/cb',
    });
    const response = await page(sandbox, link.link_token);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('status=failed');
    expect((await sandbox.backend.getConnectedAccount(link.connected_account_id)).status).toBe('FAILED');
  });

  it('expireLinks: open links expire now; with future, new links are born expired', async () => {
    const sandbox = createSandbox();
    const a = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u1' });
    expect(sandbox.control.expireLinks({ future: true })).toBe(1);
    expect((await sandbox.backend.getConnectedAccount(a.connected_account_id)).status).toBe('EXPIRED');
    const b = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u1' });
    expect((await page(sandbox, b.link_token)).status).toBe(410);
  });

  it('setStatusSequence without an id applies to the next created account only', async () => {
    const sandbox = createSandbox();
    sandbox.control.setStatusSequence(['INITIATED', 'INITIATED', 'FAILED']);
    const scripted = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u1' });
    const plain = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u1' });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await sandbox.backend.getConnectedAccount(scripted.connected_account_id)).status);
    }
    expect(statuses).toEqual(['INITIATED', 'INITIATED', 'FAILED', 'FAILED']);
    const failed = await sandbox.backend.getConnectedAccount(scripted.connected_account_id);
    expect(failed.status_reason).toMatch(/scripted/);
    expect((await sandbox.backend.getConnectedAccount(plain.connected_account_id)).status).toBe('INITIATED');
  });

  it('the control route exists only when control is on, and takes a list of actions', async () => {
    const off = createSandbox();
    expect(
      (await off.handle(new Request(`${ORIGIN}/_sandbox/control`, { method: 'POST', body: '{}' }))).status,
    ).toBe(404);
    const on = createSandbox({ control: true });
    const response = await on.handle(
      new Request(`${ORIGIN}/_sandbox/control`, {
        method: 'POST',
        body: JSON.stringify([
          { action: 'latency', ms: 5, route: 'getToolkit' },
          { action: 'denyConsent', on: true },
        ]),
      }),
    );
    expect(await response.json()).toEqual([{ ok: true }, { ok: true }]);
    expect(on.control.describe()).toMatchObject({ latency: { getToolkit: 5 }, denyConsent: true });
  });
});

describe('state', () => {
  it('evicts the oldest account (and its link) past maxAccounts', async () => {
    const sandbox = createSandbox({ maxAccounts: 2 });
    const ids = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (await sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: `u${i}` }))
          .connected_account_id,
      );
    }
    const gone = await rejection(sandbox.backend.getConnectedAccount(ids[0] ?? ''));
    expect((gone as ConnectError).status).toBe(404);
    expect(sandbox.snapshot().accounts.map((account) => account.id)).toEqual(ids.slice(1));
    expect(sandbox.snapshot().links).toHaveLength(2);
  });

  it('saves through its persistence on every change and loads from it at start', async () => {
    let saved: StateSnapshot | undefined;
    const persistence: SandboxPersistence = {
      load: () => saved,
      save: (snapshot) => (saved = structuredClone(snapshot)),
    };
    const first = createSandbox({ persistence });
    const link = await first.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u1' });
    await first.completeLink(link.link_token, { allow: true });
    expect(saved?.accounts[0]?.status).toBe('ACTIVE');
    const second = createSandbox({ persistence });
    expect((await second.backend.getConnectedAccount(link.connected_account_id)).status).toBe('ACTIVE');
  });

  it('refuses persistPath without a persistence (it would need node:fs)', () => {
    expect(() => createSandbox({ persistPath: 'state.json' })).toThrow(/startSandboxServer/);
  });

  it('makes ids in Composio style from a crypto RNG, unique', async () => {
    const sandbox = createSandbox();
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const link = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u' });
      expect(link.connected_account_id).toMatch(/^ca_[0-9A-Za-z]{12}$/);
      expect(link.link_token).toMatch(/^lt_[0-9A-Za-z]{24}$/);
      seen.add(link.connected_account_id);
    }
    expect(seen.size).toBe(50);
  });
});

describe('request edges', () => {
  it('413 for a streamed body without content-length, stopping after the limit', async () => {
    const sandbox = createSandbox();
    let pulled = 0;
    const chunk = new Uint8Array(16 * 1024).fill(32);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 100) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await sandbox.handle(
      new Request(`${ORIGIN}/api/v3/connected_accounts`, {
        method: 'POST',
        headers: { 'x-api-key': 'sandbox-key' },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });

  it('a malformed escape in a path is a 404 envelope, not a 500', async () => {
    const sandbox = createSandbox();
    for (const pathname of ['/api/v3/connected_accounts/%E0%A4%A', '/link/%E0%A4%A']) {
      const response = await sandbox.handle(
        new Request(`${ORIGIN}${pathname}`, { headers: { 'x-api-key': 'sandbox-key' } }),
      );
      expect(response.status, pathname).toBe(404);
      expect(errorEnvelopeSchema.parse(await response.json()).error.slug, pathname).toBe('Route_NotFound');
    }
  });

  it('refuses a non-http callback_url (or redirect_uri) on a direct create, as link sessions do', async () => {
    const sandbox = createSandbox();
    for (const connection of [
      { callback_url: 'javascript:alert(1)' },
      { redirect_uri: 'javascript:alert(1)' },
    ]) {
      const response = await post(sandbox, '/api/v3/connected_accounts', {
        auth_config: { id: 'ac_notion' },
        connection,
      });
      expect(response.status).toBe(400);
      expect(errorEnvelopeSchema.parse(await response.json()).error).toMatchObject({
        code: 600,
        errors: ['connection.callback_url: must be an absolute http or https URL'],
      });
    }
    expect(sandbox.snapshot().accounts).toEqual([]);
  });

  it('405 for a wrong method, 404 envelope for an unknown route', async () => {
    const sandbox = createSandbox();
    const wrong = await sandbox.handle(new Request(`${ORIGIN}/api/v3.1/connected_accounts/link`));
    expect(wrong.status).toBe(405);
    const unknown = await sandbox.handle(new Request(`${ORIGIN}/api/v3/nothing`));
    expect(errorEnvelopeSchema.parse(await unknown.json()).error).toMatchObject({
      status: 404,
      slug: 'Route_NotFound',
    });
  });
});

describe('browser safety', () => {
  it('the package entry never reaches a node: module (Storybook imports it in the browser)', () => {
    const dir = import.meta.dirname;
    const nodeOnly = new Set(['server.ts', 'cli.ts', 'persist-file.ts']);
    const visited = new Set<string>();
    const visit = (file: string) => {
      if (visited.has(file)) return;
      visited.add(file);
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/from ['"]node:/);
      for (const [, spec] of source.matchAll(/from '(\.[^']+)'/g)) {
        const target = path.resolve(path.dirname(file), `${spec}.ts`);
        expect(nodeOnly.has(path.basename(target)), `${file} imports ${spec}`).toBe(false);
        visit(target);
      }
    };
    visit(path.join(dir, 'index.ts'));
    expect(visited.size).toBeGreaterThan(5);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining([...nodeOnly]));
  });
});

describe("Composio's OpenAPI spec as the oracle", () => {
  it('every API response of this suite matches composio-openapi.json', async () => {
    await expectSpecClean(oracle, 20);
  });
});
