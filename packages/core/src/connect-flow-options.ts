// What a ConnectFlow is given: its options, and the browser effects it runs through.
import type { ConnectBackend, RequestOptions } from './backend';
import { CALLBACK_CHANNEL } from './callback';
import type { ConnectError } from './connect-error';
import type { ConnectFlowSnapshot, ConnectMode } from './connect-flow-machine';
import type { StorageLike } from './pending-attempt';
import { openPopupPlaceholder, type PopupHandle, type PopupPlaceholder } from './popup';
import type { LinkSession, LinkSessionInput } from './wire';

/** Everything the flow does to the outside world. Defaults come from `browserConnectEnvironment()`. */
export interface ConnectEnvironment {
  /** The app's origin: the only origin a callback message is accepted from. */
  origin: string;
  /** Where a redirect-mode attempt returns to: the current path, query and hash. */
  currentPath: () => string;
  openPopup: (placeholder: PopupPlaceholder) => PopupHandle | null;
  /** A full-page navigation (redirect mode). */
  navigate: (url: string) => void;
  /** `message` events of this window; returns an unsubscribe. */
  onWindowMessage: (listener: (event: { origin: string; data: unknown }) => void) => () => void;
  /** Messages on the kit's `BroadcastChannel`; returns an unsubscribe. */
  onChannelMessage: (listener: (data: unknown) => void) => () => void;
  storage: StorageLike | undefined;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  now: () => number;
  /** A fresh unguessable nonce per attempt. */
  randomState: () => string;
}

/** The real browser; on a server (no `window`) every effect is inert, so importing is safe. */
export function browserConnectEnvironment(): ConnectEnvironment {
  const win = typeof window === 'undefined' ? undefined : window;
  return {
    origin: win?.location.origin ?? 'http://localhost',
    currentPath: () => (win ? win.location.pathname + win.location.search + win.location.hash : '/'),
    openPopup: (placeholder) => (win ? openPopupPlaceholder(win, placeholder) : null),
    navigate: (url) => win?.location.assign(url),
    onWindowMessage: (listener) => {
      if (!win) return () => {};
      const handler = (event: MessageEvent) => listener({ origin: event.origin, data: event.data });
      win.addEventListener('message', handler);
      return () => win.removeEventListener('message', handler);
    },
    onChannelMessage: (listener) => {
      if (typeof BroadcastChannel === 'undefined') return () => {};
      const channel = new BroadcastChannel(CALLBACK_CHANNEL);
      channel.onmessage = (event) => listener(event.data);
      return () => channel.close();
    },
    storage: (() => {
      try {
        return win?.sessionStorage;
      } catch {
        return undefined; // access throws when storage is disabled
      }
    })(),
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
    randomState: () =>
      Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
        byte.toString(16).padStart(2, '0'),
      ).join(''),
  };
}

export interface ConnectFlowOptions {
  backend: ConnectBackend;
  authConfigId: string;
  /** Default `auto`. */
  mode?: ConnectMode | undefined;
  /** Your callback route (`<ConnectCallback>`), absolute or relative; default `/connect/callback`. */
  callbackUrl?: string | undefined;
  /** Creates the link session; default `backend.createLinkSession` (React passes a mutation). */
  createLinkSession?:
    | ((input: LinkSessionInput, options: RequestOptions) => Promise<LinkSession>)
    | undefined;
  /** The progress page shown in the popup while the link session is created. */
  popup?: PopupPlaceholder | undefined;
  /** Status polling while waiting: first delay, doubling to `max`. Default 1 000 → 5 000 ms. */
  poll?: { initialMs?: number; maxMs?: number } | undefined;
  /** How often a popup is checked for having been closed. Default 500 ms. */
  closedCheckMs?: number | undefined;
  onStateChange?: ((snapshot: ConnectFlowSnapshot) => void) | undefined;
  onSuccess?: ((result: { connectedAccountId: string }) => void) | undefined;
  onError?: ((error: ConnectError) => void) | undefined;
  environment?: Partial<ConnectEnvironment> | undefined;
}
