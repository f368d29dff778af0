// @vitest-environment node
import {
  connectedAccountListSchema,
  connectedAccountSchema,
  errorEnvelopeSchema,
} from '@plugboard/core/internal';
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../sandbox';
import { expectSpecClean, specChecked } from '../testing/spec-checked';

// Every response of this suite is checked against Composio's OpenAPI spec (the last test).
const { oracle, createSandbox } = specChecked();
const ORIGIN = 'http://127.0.0.1:4010';

function clock(start = Date.parse('2026-11-26T10:00:00Z')) {
  let at = start;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

function call(sandbox: Sandbox, method: string, pathname: string, body?: unknown) {
  return sandbox.handle(
    new Request(`${ORIGIN}${pathname}`, {
      method,
      headers: { 'x-api-key': 'sandbox-key', 'content-type': 'application/json' },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    }),
  );
}

async function list(sandbox: Sandbox, query: string) {
  const response = await call(sandbox, 'GET', `/api/v3/connected_accounts${query}`);
  expect(response.status, query).toBe(200);
  return connectedAccountListSchema.parse(await response.json());
}

async function envelope(response: Response) {
  const { error } = errorEnvelopeSchema.parse(await response.json());
  expect(error.status).toBe(response.status);
  return error;
}

/** Three ACTIVE accounts and one INITIATED, a minute apart: github u1, github u2, slack u1, github u3 (pending). */
async function seeded() {
  const time = clock();
  const sandbox = createSandbox({ now: time.now });
  const ids: string[] = [];
  for (const [config, user] of [
    ['ac_github', 'u1'],
    ['ac_github', 'u2'],
    ['ac_slack', 'u1'],
  ] as const) {
    const link = await sandbox.backend.createLinkSession({ auth_config_id: config, user_id: user });
    await sandbox.completeLink(link.link_token, { allow: true });
    ids.push(link.connected_account_id);
    time.advance(60_000);
  }
  const pending = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u3' });
  ids.push(pending.connected_account_id);
  return { sandbox, time, ids };
}

describe('GET /connected_accounts: filters, order and cursor pages', () => {
  it('filters by auth_config_ids and statuses (comma-joined), newest first by default', async () => {
    const { sandbox, ids } = await seeded();
    const github = await list(sandbox, '?auth_config_ids=ac_github');
    expect(github.items.map((item) => item.id)).toEqual([ids[3], ids[1], ids[0]]);
    const active = await list(sandbox, '?auth_config_ids=ac_github,ac_slack&statuses=ACTIVE');
    expect(active.items.map((item) => item.id)).toEqual([ids[2], ids[1], ids[0]]);
    const pending = await list(sandbox, '?statuses=INITIATED,INITIALIZING');
    expect(pending.items.map((item) => item.id)).toEqual([ids[3]]);
    const none = await list(sandbox, '?auth_config_ids=ac_notion');
    expect(none).toMatchObject({ items: [], next_cursor: null, total_items: 0 });
  });

  it('orders by created_at or updated_at, asc or desc', async () => {
    const { sandbox, time, ids } = await seeded();
    time.advance(60_000);
    // Disabling the oldest account makes it the most recently updated.
    expect(
      (await call(sandbox, 'PATCH', `/api/v3/connected_accounts/${ids[0]}/status`, { enabled: false }))
        .status,
    ).toBe(200);
    const byCreated = await list(sandbox, '?order_by=created_at&order_direction=asc');
    expect(byCreated.items.map((item) => item.id)).toEqual(ids);
    const byUpdated = await list(sandbox, '?order_by=updated_at&order_direction=desc&limit=1');
    expect(byUpdated.items.map((item) => item.id)).toEqual([ids[0]]);
    for (const query of ['?order_by=name', '?order_direction=up', '?limit=0', '?limit=1001', '?cursor=x']) {
      const response = await call(sandbox, 'GET', `/api/v3/connected_accounts${query}`);
      expect(response.status, query).toBe(400);
      expect((await envelope(response)).code, query).toBe(600);
    }
  });

  it('walks every account exactly once through next_cursor', async () => {
    const { sandbox, ids } = await seeded();
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page = await list(sandbox, `?limit=3&order_direction=asc&cursor=${cursor}`);
      seen.push(...page.items.map((item) => item.id));
      expect(page).toMatchObject({ total_items: 4, total_pages: 2, current_page: pages + 1 });
      cursor = page.next_cursor;
      pages += 1;
    }
    expect(seen).toEqual(ids);
    expect(pages).toBe(2);
  });
});

describe('DELETE /connected_accounts/{id}: a soft delete', () => {
  it('answers { success: true }; the account no longer reads, lists or deletes again (404)', async () => {
    const { sandbox, ids } = await seeded();
    const gone = ids[1] ?? '';
    const response = await call(sandbox, 'DELETE', `/api/v3/connected_accounts/${gone}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true });

    const read = await call(sandbox, 'GET', `/api/v3/connected_accounts/${gone}`);
    expect(read.status).toBe(404);
    expect(await envelope(read)).toMatchObject({ code: 1803, slug: 'ConnectedAccount_NotFound' });
    expect((await list(sandbox, '')).items.map((item) => item.id)).not.toContain(gone);
    expect((await list(sandbox, `?connected_account_ids=${gone}`)).total_items).toBe(0);
    const again = await call(sandbox, 'DELETE', `/api/v3/connected_accounts/${gone}`);
    expect(again.status).toBe(404);
    expect((await envelope(again)).slug).toBe('ConnectedAccount_NotFound');
    const disable = await call(sandbox, 'PATCH', `/api/v3/connected_accounts/${gone}/status`, {
      enabled: false,
    });
    expect(disable.status).toBe(404);
    // Soft: the record is kept (as Composio keeps it for audit), marked deleted.
    expect(sandbox.snapshot().accounts.find((account) => account.id === gone)?.deletedAt).toBeTypeOf(
      'number',
    );
  });

  it('404 envelope for an unknown id, under v3 and v3.1 alike', async () => {
    const sandbox = createSandbox();
    for (const version of ['v3', 'v3.1']) {
      const response = await call(sandbox, 'DELETE', `/api/${version}/connected_accounts/ca_nope`);
      expect(response.status, version).toBe(404);
      expect((await envelope(response)).code).toBe(1803);
    }
  });

  it('needs the API key like every API route', async () => {
    const { sandbox, ids } = await seeded();
    const response = await sandbox.handle(
      new Request(`${ORIGIN}/api/v3/connected_accounts/${ids[0]}`, { method: 'DELETE' }),
    );
    expect(response.status).toBe(401);
    expect((await list(sandbox, '')).total_items).toBe(4);
  });
});

describe('PATCH /connected_accounts/{id}/status', () => {
  it('disables an ACTIVE account (INACTIVE, is_disabled) and enables it again (ACTIVE)', async () => {
    const { sandbox, ids } = await seeded();
    const id = ids[0] ?? '';
    const read = async () =>
      connectedAccountSchema.parse(
        await (await call(sandbox, 'GET', `/api/v3.1/connected_accounts/${id}`)).json(),
      );
    const off = await call(sandbox, 'PATCH', `/api/v3/connected_accounts/${id}/status`, { enabled: false });
    expect(off.status).toBe(200);
    expect(await off.json()).toEqual({ success: true });
    expect(await read()).toMatchObject({ status: 'INACTIVE', is_disabled: true });
    expect((await list(sandbox, '?statuses=INACTIVE')).items.map((item) => item.id)).toEqual([id]);
    const on = await call(sandbox, 'PATCH', `/api/v3.1/connected_accounts/${id}/status`, { enabled: true });
    expect(await on.json()).toEqual({ success: true });
    expect(await read()).toMatchObject({ status: 'ACTIVE', is_disabled: false, status_reason: null });
  });

  it('a pending account keeps its status when disabled: the lifecycle has no such edge', async () => {
    const { sandbox, ids } = await seeded();
    const id = ids[3] ?? '';
    await call(sandbox, 'PATCH', `/api/v3/connected_accounts/${id}/status`, { enabled: false });
    const account = connectedAccountSchema.parse(
      await (await call(sandbox, 'GET', `/api/v3/connected_accounts/${id}`)).json(),
    );
    expect(account).toMatchObject({ status: 'INITIATED', is_disabled: true });
  });

  it('400 naming `enabled` for a body without a boolean; 404 for an unknown id; 405 for other methods', async () => {
    const { sandbox, ids } = await seeded();
    for (const body of [{}, { enabled: 'false' }, '[]', 'null']) {
      const response = await call(sandbox, 'PATCH', `/api/v3/connected_accounts/${ids[0]}/status`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await envelope(response)).errors).toEqual(['enabled: must be a boolean']);
    }
    const unknown = await call(sandbox, 'PATCH', '/api/v3/connected_accounts/ca_nope/status', {
      enabled: true,
    });
    expect(unknown.status).toBe(404);
    expect((await call(sandbox, 'POST', `/api/v3/connected_accounts/${ids[0]}/status`, {})).status).toBe(405);
    expect((await call(sandbox, 'PUT', `/api/v3/connected_accounts/${ids[0]}`, {})).status).toBe(405);
  });

  it('failNext and dropNext can target the new routes by name', async () => {
    const { sandbox, ids } = await seeded();
    sandbox.control.failNext({ status: 503, route: 'deleteConnectedAccount' });
    expect((await call(sandbox, 'DELETE', `/api/v3/connected_accounts/${ids[0]}`)).status).toBe(503);
    sandbox.control.failNext({ status: 500, route: 'setConnectedAccountEnabled' });
    expect(
      (await call(sandbox, 'PATCH', `/api/v3/connected_accounts/${ids[0]}/status`, { enabled: false }))
        .status,
    ).toBe(500);
    expect((await list(sandbox, '?statuses=ACTIVE')).total_items).toBe(3);
  });
});

describe('CORS for the new methods', () => {
  it('a preflight from an allowed origin lists DELETE and PATCH', async () => {
    const sandbox = createSandbox({ corsOrigins: ['http://app.test'] });
    const response = await sandbox.handle(
      new Request(`${ORIGIN}/api/v3/connected_accounts/ca_1/status`, {
        method: 'OPTIONS',
        headers: { origin: 'http://app.test', 'access-control-request-method': 'PATCH' },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toMatch(/DELETE/);
    expect(response.headers.get('access-control-allow-methods')).toMatch(/PATCH/);
  });
});

describe('shapes as the spec and the v3.1 client have them', () => {
  it('an OAuth account waiting for consent carries state.val.redirectUrl (its link page)', async () => {
    const sandbox = createSandbox();
    const link = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u1' });
    const account = await sandbox.backend.getConnectedAccount(link.connected_account_id);
    expect(account.state?.val).toEqual({ status: 'INITIATED', redirectUrl: link.redirect_url });
  });

  it('a custom OAuth create says INITIATED inside and outside, with the redirectUrl', async () => {
    const sandbox = createSandbox();
    const response = await call(sandbox, 'POST', '/api/v3/connected_accounts', {
      auth_config: { id: 'ac_notion' },
      connection: { user_id: 'u1', callback_url: 'https://app.example/cb' },
    });
    const body = (await response.json()) as {
      status: string;
      redirect_url: string;
      connectionData: { val: { status: string; redirectUrl: string } };
    };
    expect(body.status).toBe('INITIATED');
    expect(body.connectionData.val).toEqual({ status: 'INITIATED', redirectUrl: body.redirect_url });
  });

  it('a credential account that never got its credentials keeps val INITIATED when FAILED or EXPIRED', async () => {
    const sandbox = createSandbox();
    const denied = await sandbox.backend.createLinkSession({ auth_config_id: 'ac_stripe', user_id: 'u1' });
    await sandbox.completeLink(denied.link_token, { deny: true });
    const account = await sandbox.backend.getConnectedAccount(denied.connected_account_id);
    expect(account.status).toBe('FAILED');
    expect(account.state?.val.status).toBe('INITIATED');
  });

  it('v3.1 accounts carry word_id (toolkit-prefixed) and alias; v3 ones do not', async () => {
    const { sandbox, ids } = await seeded();
    const v31 = (await (
      await call(sandbox, 'GET', `/api/v3.1/connected_accounts/${ids[0]}`)
    ).json()) as Record<string, unknown>;
    expect(v31.word_id).toMatch(/^github_[a-z]+-[a-z]+$/);
    expect(v31.alias).toBeNull();
    const listed = (await (await call(sandbox, 'GET', '/api/v3.1/connected_accounts?limit=1')).json()) as {
      items: Record<string, unknown>[];
    };
    expect(listed.items[0]).toHaveProperty('word_id');
    const v3 = (await (await call(sandbox, 'GET', `/api/v3/connected_accounts/${ids[0]}`)).json()) as Record<
      string,
      unknown
    >;
    expect(v3).not.toHaveProperty('word_id');
    expect(v3).not.toHaveProperty('alias');
    // The same account, read twice, keeps its word_id.
    const again = (await (
      await call(sandbox, 'GET', `/api/v3.1/connected_accounts/${ids[0]}`)
    ).json()) as Record<string, unknown>;
    expect(again.word_id).toBe(v31.word_id);
  });

  it('v3.1 DELETE with revoke_on_delete=true answers a revoke_job_id', async () => {
    const { sandbox, ids } = await seeded();
    const response = await call(
      sandbox,
      'DELETE',
      `/api/v3.1/connected_accounts/${ids[0]}?revoke_on_delete=true`,
    );
    expect(await response.json()).toEqual({ success: true, revoke_job_id: expect.stringMatching(/^rj_/) });
  });

  it('auth configs carry toolkit.logo; toolkits carry enabled, is_local_toolkit, deprecated and meta', async () => {
    const sandbox = createSandbox();
    const config = (await (await call(sandbox, 'GET', '/api/v3/auth_configs/ac_github')).json()) as {
      toolkit: { logo: string };
    };
    // A badge with the initials, as a data: URI: shown with no network.
    expect(config.toolkit.logo).toMatch(/^data:image\/svg\+xml,/);
    expect(decodeURIComponent(config.toolkit.logo)).toContain('>GH</text>');
    const toolkit = (await (await call(sandbox, 'GET', '/api/v3/toolkits/github')).json()) as Record<
      string,
      unknown
    >;
    expect(toolkit).toMatchObject({
      enabled: true,
      is_local_toolkit: false,
      deprecated: { toolkitId: expect.any(String), rawProxyInfoByAuthSchemes: [] },
      meta: { logo: config.toolkit.logo, categories: [], tools_count: 0 },
    });
  });
});

describe("Composio's OpenAPI spec as the oracle", () => {
  it('every API response of this suite matches composio-openapi.json', async () => {
    await expectSpecClean(oracle, 30);
  });
});
