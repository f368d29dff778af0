// Test fakes shared by the connect-flow suites: a scripted backend and a browser environment.
import type { ConnectBackend } from './backend';
import { CALLBACK_MESSAGE_TYPE, STATE_PARAM } from './callback';
import { ConnectError } from './connect-error';
import {
  type ConnectEnvironment,
  ConnectFlow,
  type ConnectFlowOptions,
  type ConnectFlowStatus,
} from './connect-flow';
import type { StorageLike } from './pending-attempt';
import type { PopupHandle } from './popup';
import type { ConnectedAccount, ConnectionStatus, LinkSession, LinkSessionInput } from './wire';

export const ORIGIN = 'https://app.example';
export const NOW = Date.parse('2026-01-01T00:00:00Z');

function account(status: ConnectionStatus, statusReason: string | null = null): ConnectedAccount {
  return {
    toolkit: { slug: 'github' },
    auth_config: { id: 'ac_github', auth_scheme: 'OAUTH2', is_composio_managed: true, is_disabled: false },
    id: 'ca_1',
    user_id: 'u1',
    status,
    created_at: new Date(NOW).toISOString(),
    updated_at: new Date(NOW).toISOString(),
    state: { authScheme: 'OAUTH2', val: { status } },
    data: {},
    params: {},
    status_reason: statusReason,
    is_disabled: false,
  };
}

/** A scripted backend that records every request, so tests can count them. */
export function fakeBackend(
  options: { session?: Partial<LinkSession>; statuses?: Array<ConnectionStatus | Error> } = {},
) {
  const statuses = [...(options.statuses ?? ['INITIATED'])];
  const calls: Array<{ method: string; input?: LinkSessionInput; signal?: AbortSignal | undefined }> = [];
  let createGate: Promise<void> = Promise.resolve();
  const backend: ConnectBackend = {
    async createLinkSession(input, { signal } = {}) {
      calls.push({ method: 'createLinkSession', input, signal });
      await createGate;
      if (signal?.aborted) throw new ConnectError('aborted', { message: 'aborted' });
      return {
        link_token: 'lt_1',
        redirect_url: 'https://provider.example/link/lt_1',
        expires_at: new Date(NOW + 10 * 60_000).toISOString(),
        connected_account_id: 'ca_1',
        ...options.session,
      };
    },
    async createConnectedAccount() {
      throw new Error('not used by the connect flow');
    },
    async listConnectedAccounts() {
      throw new Error('not used by the connect flow');
    },
    async deleteConnectedAccount() {
      throw new Error('not used by the connect flow');
    },
    async setConnectedAccountEnabled() {
      throw new Error('not used by the connect flow');
    },
    async getConnectedAccount(_id, { signal } = {}) {
      calls.push({ method: 'getConnectedAccount', signal });
      const next = statuses.length > 1 ? statuses.shift() : statuses[0];
      if (next instanceof Error) throw next;
      return account(next ?? 'INITIATED', next === 'FAILED' ? 'The user denied access.' : null);
    },
  };
  return {
    backend,
    calls,
    count: (method: string) => calls.filter((call) => call.method === method).length,
    setStatuses: (next: Array<ConnectionStatus | Error>) => statuses.splice(0, statuses.length, ...next),
    holdCreate: () => {
      let release = () => {};
      createGate = new Promise((resolve) => {
        release = resolve;
      });
      return () => release();
    },
  };
}

export function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

export function fakeEnvironment(options: { blockPopup?: boolean } = {}) {
  const windowListeners = new Set<(event: { origin: string; data: unknown }) => void>();
  const channelListeners = new Set<(data: unknown) => void>();
  const popups: Array<
    PopupHandle & { closed: boolean; url: string | undefined; closeCalls: number; focusCalls: number }
  > = [];
  let blocked = options.blockPopup ?? false;
  const navigations: string[] = [];
  const storage = memoryStorage();
  let nonce = 0;
  const environment: Partial<ConnectEnvironment> = {
    origin: ORIGIN,
    currentPath: () => '/settings?tab=apps',
    openPopup: () => {
      if (blocked) return null;
      const popup = {
        closed: false,
        url: undefined as string | undefined,
        closeCalls: 0,
        focusCalls: 0,
        focus() {
          popup.focusCalls += 1;
        },
        navigate(url: string) {
          popup.url = url;
        },
        close() {
          popup.closeCalls += 1;
          popup.closed = true;
        },
      };
      popups.push(popup);
      return popup;
    },
    navigate: (url) => void navigations.push(url),
    onWindowMessage: (listener) => {
      windowListeners.add(listener);
      return () => windowListeners.delete(listener);
    },
    onChannelMessage: (listener) => {
      channelListeners.add(listener);
      return () => channelListeners.delete(listener);
    },
    storage,
    randomState: () => `state-${++nonce}`,
  };
  return {
    environment,
    popups,
    navigations,
    storage,
    postMessage: (origin: string, data: unknown) => {
      for (const listener of [...windowListeners]) listener({ origin, data });
    },
    broadcast: (data: unknown) => {
      for (const listener of [...channelListeners]) listener(data);
    },
    listenerCount: () => windowListeners.size + channelListeners.size,
    /** The browser's popup blocker from now on (a click that came too late, or a setting). */
    setBlocked: (value: boolean) => {
      blocked = value;
    },
  };
}

export function setup(
  flowOptions: Partial<ConnectFlowOptions> = {},
  backendOptions: Parameters<typeof fakeBackend>[0] = {},
  envOptions: Parameters<typeof fakeEnvironment>[0] = {},
) {
  const fake = fakeBackend(backendOptions);
  const env = fakeEnvironment(envOptions);
  const statuses: ConnectFlowStatus[] = [];
  const flow = new ConnectFlow({
    backend: fake.backend,
    authConfigId: 'ac_github',
    callbackUrl: '/connect/callback?from=app',
    ...flowOptions,
    environment: env.environment,
  });
  flow.subscribe(() => statuses.push(flow.getSnapshot().status));
  return { flow, fake, env, statuses };
}

export const callbackFor = (state: string, status = 'success') => ({
  type: CALLBACK_MESSAGE_TYPE,
  state,
  status,
  connectedAccountId: 'ca_1',
});

/** The state nonce the flow put in the callback URL it sent. */
export function sentState(fake: ReturnType<typeof fakeBackend>): string {
  const url = new URL(fake.calls[0]?.input?.callback_url ?? '');
  return url.searchParams.get(STATE_PARAM) ?? '';
}
