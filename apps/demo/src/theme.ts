export type Theme = 'light' | 'dark';

/** Only the theme's name is stored: it is a preference, never a secret. */
export const THEME_STORAGE_KEY = 'plugboard-demo-theme';

/** The stored choice, else the system's. `storage` and `matchMedia` enter as parameters for tests. */
export function initialTheme(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
  matchMedia: ((query: string) => { matches: boolean }) | undefined = globalThis.matchMedia,
): Theme {
  const stored = safely(() => storage?.getItem(THEME_STORAGE_KEY));
  if (stored === 'light' || stored === 'dark') return stored;
  return matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Sets the kit's `data-theme` on the root element (its CSS variables follow) and remembers it. */
export function applyTheme(
  theme: Theme,
  root: HTMLElement = document.documentElement,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
  safely(() => storage?.setItem(THEME_STORAGE_KEY, theme));
}

/** Storage throws in some private modes; a theme that is not remembered is fine. */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
