// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { normalizeCreateConnectedAccountRequest } from './normalize';
import type { CreateConnectedAccountRequest } from './wire';

const base = { auth_config: { id: 'ac_1' } };
const state = { authScheme: 'API_KEY', val: { status: 'ACTIVE', api_key: 'new' } } as const;

describe('normalizeCreateConnectedAccountRequest', () => {
  it('redirect_uri becomes callback_url', () => {
    const out = normalizeCreateConnectedAccountRequest({
      ...base,
      connection: { redirect_uri: 'https://a.example/cb' },
    });
    expect(out.connection).toEqual({ callback_url: 'https://a.example/cb' });
  });

  it('when both are given the current callback_url wins and redirect_uri is dropped', () => {
    const out = normalizeCreateConnectedAccountRequest({
      ...base,
      connection: { callback_url: 'https://a.example/new', redirect_uri: 'https://a.example/old' },
    });
    expect(out.connection).toEqual({ callback_url: 'https://a.example/new' });
  });

  it('a data that is already { authScheme, val } becomes state as it is, unknown keys kept', () => {
    const data = { authScheme: 'BASIC', val: { status: 'ACTIVE', username: 'ada', extra_key: 1 } };
    const out = normalizeCreateConnectedAccountRequest({ ...base, connection: { data } });
    expect(out.connection).toEqual({ state: data });
  });

  it('a flat data becomes a state only with an authScheme option, status ACTIVE unless given', () => {
    const flat = { connection: { data: { api_key: 'k', subdomain: 'acme' } } };
    expect(normalizeCreateConnectedAccountRequest({ ...base, ...flat }).connection).toEqual(flat.connection);
    expect(
      normalizeCreateConnectedAccountRequest({ ...base, ...flat }, { authScheme: 'API_KEY' }).connection,
    ).toEqual({
      state: { authScheme: 'API_KEY', val: { status: 'ACTIVE', api_key: 'k', subdomain: 'acme' } },
    });
    const initiated: CreateConnectedAccountRequest = {
      ...base,
      connection: { data: { status: 'INITIALIZING' } },
    };
    expect(
      normalizeCreateConnectedAccountRequest(initiated, { authScheme: 'OAUTH2' }).connection.state?.val
        .status,
    ).toBe('INITIALIZING');
  });

  it("a scheme the kit does not know wraps too (a state's scheme is open); one that is not a string does not", () => {
    const flat = { connection: { data: { api_key: 'k' } } };
    expect(
      normalizeCreateConnectedAccountRequest({ ...base, ...flat }, { authScheme: 'NEW_SCHEME' }).connection,
    ).toEqual({ state: { authScheme: 'NEW_SCHEME', val: { status: 'ACTIVE', api_key: 'k' } } });
    expect(
      normalizeCreateConnectedAccountRequest({ ...base, ...flat }, { authScheme: 7 as never }).connection,
    ).toEqual(flat.connection);
  });

  it('a data that cannot become a valid state is left for the server', () => {
    const bad = { connection: { data: { status: 'DONE' } } };
    expect(
      normalizeCreateConnectedAccountRequest({ ...base, ...bad }, { authScheme: 'API_KEY' }).connection,
    ).toEqual(bad.connection);
  });

  it('when both state and data are given the state wins and data is dropped', () => {
    const out = normalizeCreateConnectedAccountRequest(
      { ...base, connection: { state, data: { api_key: 'old' } } },
      { authScheme: 'API_KEY' },
    );
    expect(out.connection).toEqual({ state });
  });

  it('passes everything else through and does not modify its input', () => {
    const input: CreateConnectedAccountRequest = {
      ...base,
      connection: { user_id: 'u1', redirect_uri: 'https://a.example/cb', deprecated_is_v1_rerouted: false },
      validate_credentials: true,
    };
    const copy = structuredClone(input);
    const out = normalizeCreateConnectedAccountRequest(input);
    expect(input).toEqual(copy);
    expect(out).toEqual({
      ...base,
      connection: { user_id: 'u1', callback_url: 'https://a.example/cb', deprecated_is_v1_rerouted: false },
      validate_credentials: true,
    });
    expect(out.connection).not.toHaveProperty('data');
    expect(out.connection).not.toHaveProperty('redirect_uri');
  });
});
