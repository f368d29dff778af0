// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type BoundedFetchRequest, boundedFetch, parseJsonText } from './bounded-fetch';

const base = (fetch: BoundedFetchRequest['fetch'], more: Partial<BoundedFetchRequest> = {}) =>
  boundedFetch({
    fetch,
    url: 'http://upstream.test/x',
    method: 'GET',
    headers: {},
    timeoutMs: 200,
    maxBytes: () => 16,
    ...more,
  });

/** A fetch that never answers and ignores its signal. */
const deaf = () => new Promise<Response>(() => {});

describe('boundedFetch', () => {
  it('reads the body within the limit for its status, and passes redirect when set', async () => {
    const seen: RequestInit[] = [];
    const result = await base(
      async (_url, init) => {
        seen.push(init);
        return new Response('x'.repeat(40), { status: 404 });
      },
      { maxBytes: (status) => (status === 404 ? 10 : 100), redirect: 'manual' },
    );
    expect(result).toMatchObject({ ok: true, text: 'x'.repeat(10), truncated: true });
    expect(seen[0]?.redirect).toBe('manual');
  });

  it('a fetch that ignores the signal still times out, with its headers', async () => {
    const started = performance.now();
    const result = await base(deaf, { timeoutMs: 50 });
    expect(result).toMatchObject({ ok: false, failure: 'timeout' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a body that never ends times out too, and the response is kept', async () => {
    const body = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new Uint8Array([123])) });
    const result = await base(async () => new Response(body), { timeoutMs: 50 });
    expect(result).toMatchObject({ ok: false, failure: 'timeout' });
    expect(!result.ok && result.response?.status).toBe(200);
  });

  it('an outer abort is `aborted` with its reason; an aborted signal sends nothing', async () => {
    const controller = new AbortController();
    const pending = base(deaf, { signal: controller.signal, timeoutMs: 0 });
    controller.abort('left the page');
    expect(await pending).toMatchObject({ ok: false, failure: 'aborted', cause: 'left the page' });
    let calls = 0;
    const never = await base(
      async () => {
        calls++;
        return new Response('{}');
      },
      { signal: AbortSignal.abort('gone') },
    );
    expect(never).toMatchObject({ ok: false, failure: 'aborted', cause: 'gone' });
    expect(calls).toBe(0);
  });

  it('tells a fetch that failed, a body that broke and headers that could not be built apart', async () => {
    const refused = await base(async () => {
      throw new TypeError('ECONNREFUSED');
    });
    expect(refused).toMatchObject({ ok: false, failure: 'unreachable' });
    const body = new ReadableStream<Uint8Array>({ pull: (c) => c.error(new Error('reset')) });
    const broken = await base(async () => new Response(body, { status: 201 }));
    expect(broken).toMatchObject({ ok: false, failure: 'broken' });
    expect(!broken.ok && broken.response?.status).toBe(201);
    const headers = await base(async () => new Response('{}'), {
      headers: () => {
        throw new Error('no token');
      },
    });
    expect(headers).toMatchObject({ ok: false, failure: 'headers' });
  });
});

describe('parseJsonText', () => {
  it('tells JSON, an empty body, an HTML page and other text apart', () => {
    expect(parseJsonText('{"a":1}')).toEqual({ kind: 'json', value: { a: 1 } });
    expect(parseJsonText('  \n')).toEqual({ kind: 'empty' });
    expect(parseJsonText('\n<html><body>502</body></html>')).toEqual({ kind: 'not_json', html: true });
    expect(parseJsonText('Bad Gateway')).toEqual({ kind: 'not_json', html: false });
  });
});
