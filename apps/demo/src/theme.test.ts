import { describe, expect, it } from 'vitest';
import { applyTheme, initialTheme, THEME_STORAGE_KEY } from './theme';

/** A `Storage` of its own per test, so nothing leaks between tests or into the page's storage. */
function memoryStorage(entries: Record<string, string> = {}) {
  const map = new Map(Object.entries(entries));
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    map,
  };
}

const refusingStorage = {
  getItem: (): string | null => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: (): void => {
    throw new DOMException('denied', 'SecurityError');
  },
};

const prefersDark = (dark: boolean) => (query: string) => ({
  matches: dark && query === '(prefers-color-scheme: dark)',
});

describe('initialTheme', () => {
  it('is the stored choice, whatever the system prefers', () => {
    expect(initialTheme(memoryStorage({ [THEME_STORAGE_KEY]: 'light' }), prefersDark(true))).toBe('light');
    expect(initialTheme(memoryStorage({ [THEME_STORAGE_KEY]: 'dark' }), prefersDark(false))).toBe('dark');
  });

  it('follows the system when nothing, or something that is no theme, is stored', () => {
    expect(initialTheme(memoryStorage(), prefersDark(true))).toBe('dark');
    expect(initialTheme(memoryStorage(), prefersDark(false))).toBe('light');
    expect(initialTheme(memoryStorage({ [THEME_STORAGE_KEY]: 'sepia' }), prefersDark(true))).toBe('dark');
  });

  it('is light without storage or matchMedia, and survives storage that throws', () => {
    expect(initialTheme(undefined, undefined)).toBe('light');
    expect(initialTheme(refusingStorage, prefersDark(true))).toBe('dark');
  });
});

describe('applyTheme', () => {
  it("sets the kit's data-theme and the color scheme on the root, and remembers the choice", () => {
    const root = document.createElement('html');
    const storage = memoryStorage();
    applyTheme('dark', root, storage);
    expect(root.dataset.theme).toBe('dark');
    expect(root.style.colorScheme).toBe('dark');
    expect(storage.map.get(THEME_STORAGE_KEY)).toBe('dark');
    applyTheme('light', root, storage);
    expect(root.dataset.theme).toBe('light');
    expect(storage.map.get(THEME_STORAGE_KEY)).toBe('light');
  });

  it('still applies the theme when storage refuses to remember it', () => {
    const root = document.createElement('html');
    expect(() => applyTheme('dark', root, refusingStorage)).not.toThrow();
    expect(root.dataset.theme).toBe('dark');
  });
});
