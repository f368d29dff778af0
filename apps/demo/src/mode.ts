import type { ConnectMode } from '@plugboard/core';

/** The chosen mode survives the full-page redirect (a preference, not a secret). */
const MODE_STORAGE_KEY = 'plugboard-demo-mode';

export function initialMode(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): ConnectMode {
  try {
    const stored = storage?.getItem(MODE_STORAGE_KEY);
    return stored === 'popup' || stored === 'redirect' || stored === 'auto' ? stored : 'popup';
  } catch {
    return 'popup';
  }
}

export function rememberMode(
  mode: ConnectMode,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
) {
  try {
    storage?.setItem(MODE_STORAGE_KEY, mode);
  } catch {
    // Not remembered in a private mode that refuses storage: the default applies next time.
  }
}
