// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { summarizeConnectedAccount } from './connect-flow-outcome';
import { connectedAccountExample, connectedAccountListExample, errorExamples } from './fixtures/api-examples';
import { createHttpBackend } from './http-backend';
import { fakeFetch, json, rejection } from './testing/fake-fetch';
import { connectedAccountSchema } from './wire';

const BASE = 'https://proxy.example/api/connect';
const summary = summarizeConnectedAccount(connectedAccountSchema.parse(connectedAccountExample));

/** What `@plugboard/server` answers: allow-listed summaries, paging passed through. */
const proxyList = {
  items: [summary],
  next_cursor: 'page_2',
  total_pages: 3,
  current_page: 1,
  total_items: 41,
};

describe('listConnectedAccounts: requests', () => {
  it('GETs {base}/api/v3/connected_accounts with no query when no filter is given', async () => {
    const { fetch, calls } = fakeFetch(() => json(proxyList));
    await createHttpBackend({ baseUrl: BASE, fetch }).listConnectedAccounts();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.method).toBe('GET');
    expect(calls[0]?.url).toBe(`${BASE}/api/v3/connected_accounts`);
    expect(calls[0]?.body).toBeUndefined();
  });

  it('sends every filter as Composio does: arrays comma-joined, values URL-encoded, no user ids', async () => {
    const { fetch, calls } = fakeFetch(() => json(proxyList));
    await createHttpBackend({ baseUrl: BASE, fetch }).listConnectedAccounts({
      authConfigIds: ['ac_github', 'ac_zen desk'],
      toolkitSlugs: ['github'],
      statuses: ['ACTIVE', 'EXPIRED'],
      cursor: 'c/1&x=2',
      limit: 20,
      orderBy: 'updated_at',
      orderDirection: 'asc',
    });
    expect(calls[0]?.url).toBe(
      `${BASE}/api/v3/connected_accounts?auth_config_ids=ac_github,ac_zen%20desk&toolkit_slugs=github` +
        '&statuses=ACTIVE,EXPIRED&cursor=c%2F1%26x%3D2&limit=20&order_by=updated_at&order_direction=asc',
    );
    const query = new URL(calls[0]?.url ?? '').searchParams;
    expect(query.get('auth_config_ids')?.split(',')).toEqual(['ac_github', 'ac_zen desk']);
    expect(query.get('cursor')).toBe('c/1&x=2');
    expect(query.has('user_ids')).toBe(false);
  });

  it('leaves out empty arrays', async () => {
    const { fetch, calls } = fakeFetch(() => json(proxyList));
    await createHttpBackend({ baseUrl: BASE, fetch }).listConnectedAccounts({ statuses: [], limit: 5 });
    expect(calls[0]?.url).toBe(`${BASE}/api/v3/connected_accounts?limit=5`);
  });

  it.each([
    ['a limit of 0', { limit: 0 }, 'limit'],
    ['a fractional limit', { limit: 1.5 }, 'limit'],
    [
      'an id holding a comma, which would split on the wire',
      { authConfigIds: ['ac_a,ac_b'] },
      'authConfigIds.0',
    ],
    ['an empty slug', { toolkitSlugs: [''] }, 'toolkitSlugs.0'],
    ['an unknown order', { orderBy: 'name' }, 'orderBy'],
    ['an unknown direction', { orderDirection: 'up' }, 'orderDirection'],
    ['a status that is not a string', { statuses: [3] }, 'statuses.0'],
  ])('refuses %s before sending anything', async (_name, filters, path) => {
    const { fetch, calls } = fakeFetch(() => json(proxyList));
    const error = await rejection(
      createHttpBackend({ baseUrl: BASE, fetch }).listConnectedAccounts(filters as never),
      'invalid_request',
    );
    expect(error.path).toBe(path);
    expect(calls).toHaveLength(0);
  });

  it('passes the signal to fetch, and an aborted one sends nothing', async () => {
    const { fetch, calls } = fakeFetch(() => json(proxyList));
    const backend = createHttpBackend({ baseUrl: BASE, fetch });
    const controller = new AbortController();
    await backend.listConnectedAccounts({}, { signal: controller.signal });
    expect(calls[0]?.signal?.aborted).toBe(false);
    controller.abort();
    await rejection(backend.listConnectedAccounts({}, { signal: controller.signal }), 'aborted');
    expect(calls).toHaveLength(1);
  });
});

describe('listConnectedAccounts: responses', () => {
  it("reads Composio's own list and keeps no state, data or params of any item", async () => {
    const { fetch } = fakeFetch(() => json(connectedAccountListExample));
    const page = await createHttpBackend({ baseUrl: BASE, fetch }).listConnectedAccounts();
    expect(page).toEqual({
      items: [summary],
      nextCursor: null,
      totalPages: 1,
      currentPage: 1,
    });
    for (const item of page.items) {
      expect('state' in item || 'data' in item || 'params' in item).toBe(false);
    }
  });

  it("reads the proxy's summaries and passes the cursor on", async () => {
    const { fetch } = fakeFetch(() => json(proxyList));
    const page = await createHttpBackend({ baseUrl: BASE, fetch }).listConnectedAccounts();
    expect(page.nextCursor).toBe('page_2');
    expect(page.totalPages).toBe(3);
    expect(page.items[0]?.id).toBe(connectedAccountExample.id);
  });

  it('a body with only items is a last page with no counts', async () => {
    const { fetch } = fakeFetch(() => json({ items: [] }));
    await expect(createHttpBackend({ baseUrl: BASE, fetch }).listConnectedAccounts()).resolves.toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it.each([
    ['no items', () => json({ next_cursor: null }), 'items'],
    [
      'an item without an id',
      () => json({ items: [{ ...proxyList.items[0], id: undefined }] }),
      'items.0.id',
    ],
    ['items that are not an array', () => json({ items: {} }), 'items'],
  ])('a body with %s is invalid_response naming the path', async (_name, answer, path) => {
    const { fetch } = fakeFetch(answer);
    const error = await rejection(
      createHttpBackend({ baseUrl: BASE, fetch }).listConnectedAccounts(),
      'invalid_response',
    );
    expect(error.path).toBe(path);
  });

  it('an HTML page is invalid_response saying so, and an envelope is an http error', async () => {
    const html = fakeFetch(() => new Response('<!doctype html><p>login</p>', { status: 200 }));
    const page = await rejection(
      createHttpBackend({ baseUrl: BASE, fetch: html.fetch }).listConnectedAccounts(),
      'invalid_response',
    );
    expect(page.message).toContain('HTML');
    const { status, body } = errorExamples.unauthorized;
    const denied = fakeFetch(() => json(body, status));
    const error = await rejection(
      createHttpBackend({ baseUrl: BASE, fetch: denied.fetch }).listConnectedAccounts(),
      'http',
    );
    expect(error).toMatchObject({ status: 401, slug: 'HTTP_Unauthorized', requestId: 'req_401' });
  });
});

describe('deleteConnectedAccount', () => {
  it('DELETEs the account by its URL-encoded id, with no body, and resolves on { success: true }', async () => {
    const { fetch, calls } = fakeFetch(() => json({ success: true }));
    await expect(
      createHttpBackend({ baseUrl: BASE, fetch }).deleteConnectedAccount('ca/1 ?#'),
    ).resolves.toBeUndefined();
    expect(calls[0]?.method).toBe('DELETE');
    expect(calls[0]?.url).toBe(`${BASE}/api/v3/connected_accounts/ca%2F1%20%3F%23`);
    expect(calls[0]?.body).toBeUndefined();
    expect(calls[0]?.headers.has('content-type')).toBe(false);
  });

  it('{ success: false } is never reported as done', async () => {
    const { fetch } = fakeFetch(() => json({ success: false }));
    const error = await rejection(
      createHttpBackend({ baseUrl: BASE, fetch }).deleteConnectedAccount('ca_1'),
      'invalid_response',
    );
    expect(error.path).toBe('success');
  });

  it('a missing account is an http 404 with the envelope', async () => {
    const body = {
      error: { message: 'Connected account not found', code: 404, slug: 'NotFound', status: 404 },
    };
    const { fetch } = fakeFetch(() => json(body, 404));
    const error = await rejection(
      createHttpBackend({ baseUrl: BASE, fetch }).deleteConnectedAccount('ca_gone'),
      'http',
    );
    expect(error).toMatchObject({ status: 404, message: 'Connected account not found' });
  });

  it.each([
    ['an empty body', () => new Response('', { status: 200 })],
    ['a body that is not JSON', () => new Response('ok', { status: 200 })],
    ['a body without success', () => json({ deleted: true })],
  ])('%s is invalid_response', async (_name, answer) => {
    const { fetch } = fakeFetch(answer);
    await rejection(
      createHttpBackend({ baseUrl: BASE, fetch }).deleteConnectedAccount('ca_1'),
      'invalid_response',
    );
  });

  it('an empty id sends nothing', async () => {
    const { fetch, calls } = fakeFetch(() => json({ success: true }));
    await rejection(
      createHttpBackend({ baseUrl: BASE, fetch }).deleteConnectedAccount(''),
      'invalid_request',
    );
    expect(calls).toHaveLength(0);
  });
});

describe('setConnectedAccountEnabled', () => {
  it.each([true, false])('PATCHes …/{id}/status with { enabled: %s } as JSON', async (enabled) => {
    const { fetch, calls } = fakeFetch(() => json({ success: true }));
    await expect(
      createHttpBackend({ baseUrl: BASE, fetch }).setConnectedAccountEnabled('ca_1', enabled),
    ).resolves.toBeUndefined();
    expect(calls[0]?.method).toBe('PATCH');
    expect(calls[0]?.url).toBe(`${BASE}/api/v3/connected_accounts/ca_1/status`);
    expect(calls[0]?.body).toEqual({ enabled });
    expect(calls[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('a value that is not a boolean, or an empty id, sends nothing', async () => {
    const { fetch, calls } = fakeFetch(() => json({ success: true }));
    const backend = createHttpBackend({ baseUrl: BASE, fetch });
    const error = await rejection(
      backend.setConnectedAccountEnabled('ca_1', 'false' as never),
      'invalid_request',
    );
    expect(error.path).toBe('enabled');
    expect(error.fieldErrors).toEqual({ enabled: ['Invalid input: expected boolean'] });
    await rejection(backend.setConnectedAccountEnabled('', true), 'invalid_request');
    expect(calls).toHaveLength(0);
  });

  it('{ success: false } and an error envelope are errors, never a silent success', async () => {
    const refused = fakeFetch(() => json({ success: false }));
    await rejection(
      createHttpBackend({ baseUrl: BASE, fetch: refused.fetch }).setConnectedAccountEnabled('ca_1', false),
      'invalid_response',
    );
    const { status, body } = errorExamples.internal;
    const broken = fakeFetch(() => json(body, status));
    const error = await rejection(
      createHttpBackend({ baseUrl: BASE, fetch: broken.fetch }).setConnectedAccountEnabled('ca_1', false),
      'http',
    );
    expect(error.status).toBe(500);
  });
});
