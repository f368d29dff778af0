// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../sandbox';
import { expectSpecClean, specChecked } from '../testing/spec-checked';

// Every response of this suite is checked against Composio's OpenAPI spec (the last test).
const { oracle, createSandbox } = specChecked();
const ORIGIN = 'http://127.0.0.1:4010';
const COOP = 'cross-origin-opener-policy';

async function linkPage(sandbox: Sandbox, authConfigId: string, callback = 'https://app.example/cb') {
  const link = await sandbox.backend.createLinkSession({
    auth_config_id: authConfigId,
    user_id: 'u1',
    callback_url: callback,
  });
  return { link, response: await sandbox.handle(new Request(link.redirect_url)) };
}

describe('Cross-Origin-Opener-Policy on the hosted pages', () => {
  it('is absent by default: the opener keeps its popup', async () => {
    const sandbox = createSandbox();
    for (const config of ['ac_github', 'ac_zendesk']) {
      const { response } = await linkPage(sandbox, config);
      expect(response.status, config).toBe(200);
      expect(response.headers.get(COOP), config).toBeNull();
    }
  });

  it('with coop: true, the consent page, the credential form and the end pages carry same-origin', async () => {
    const sandbox = createSandbox({ coop: true });
    const { link, response } = await linkPage(sandbox, 'ac_github');
    expect(response.headers.get(COOP)).toBe('same-origin');
    expect(await response.text()).toContain('<h1>Connect GitHub</h1>');
    expect((await linkPage(sandbox, 'ac_zendesk')).response.headers.get(COOP)).toBe('same-origin');
    const answered = await sandbox.handle(
      new Request(link.redirect_url, { method: 'POST', body: new URLSearchParams({ decision: 'allow' }) }),
    );
    expect(answered.status).toBe(303);
    const used = await sandbox.handle(new Request(link.redirect_url));
    expect(used.headers.get(COOP)).toBe('same-origin');
    const unknown = await sandbox.handle(new Request(`${ORIGIN}/link/lt_nope`));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get(COOP)).toBe('same-origin');
    // The API is not a page: no COOP there.
    const api = await sandbox.handle(
      new Request(`${ORIGIN}/api/v3/connected_accounts/${link.connected_account_id}`, {
        headers: { 'x-api-key': 'sandbox-key' },
      }),
    );
    expect(api.headers.get(COOP)).toBeNull();
  });

  it('ac_linear always sends it, whatever the option; other configs follow the option', async () => {
    const sandbox = createSandbox();
    const { response } = await linkPage(sandbox, 'ac_linear');
    expect(response.headers.get(COOP)).toBe('same-origin');
    expect(await response.text()).toContain('<h1>Connect Linear</h1>');
    expect((await linkPage(sandbox, 'ac_slack')).response.headers.get(COOP)).toBeNull();
  });

  it('control.coop switches it at run time; reset() restores the option', async () => {
    const sandbox = createSandbox();
    sandbox.control.coop(true);
    expect(sandbox.control.describe().coop).toBe(true);
    expect((await linkPage(sandbox, 'ac_github')).response.headers.get(COOP)).toBe('same-origin');
    sandbox.control.coop(false);
    expect((await linkPage(sandbox, 'ac_github')).response.headers.get(COOP)).toBeNull();
    sandbox.control.coop();
    sandbox.control.reset();
    expect((await linkPage(sandbox, 'ac_github')).response.headers.get(COOP)).toBeNull();
    const on = createSandbox({ coop: true });
    on.control.coop(false);
    on.control.reset();
    expect((await linkPage(on, 'ac_github')).response.headers.get(COOP)).toBe('same-origin');
  });

  it('the control route takes { action: "coop", on? } and refuses a non-boolean on', async () => {
    const sandbox = createSandbox({ control: true });
    const post = (body: unknown) =>
      sandbox.handle(
        new Request(`${ORIGIN}/_sandbox/control`, { method: 'POST', body: JSON.stringify(body) }),
      );
    expect(await (await post({ action: 'coop' })).json()).toEqual({ ok: true });
    expect((await linkPage(sandbox, 'ac_github')).response.headers.get(COOP)).toBe('same-origin');
    expect(await (await post({ action: 'coop', on: false })).json()).toEqual({ ok: true });
    expect((await linkPage(sandbox, 'ac_github')).response.headers.get(COOP)).toBeNull();
    const bad = await post({ action: 'coop', on: 'yes' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { errors: string[] } }).error.errors).toEqual([
      'body.on: must be a boolean',
    ]);
  });
});

describe("Composio's OpenAPI spec as the oracle", () => {
  it('every API response of this suite matches composio-openapi.json', async () => {
    await expectSpecClean(oracle, 10);
  });
});
