import { describe, expect, it } from 'vitest';
import { initialMode, rememberMode } from './mode';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
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

describe('the OAuth mode preference', () => {
  it('is popup until a mode is chosen', () => {
    expect(initialMode(memoryStorage())).toBe('popup');
    expect(initialMode(undefined)).toBe('popup');
  });

  it('comes back as it was remembered (it must survive the full-page redirect)', () => {
    const storage = memoryStorage();
    for (const mode of ['redirect', 'auto', 'popup'] as const) {
      rememberMode(mode, storage);
      expect(initialMode(storage)).toBe(mode);
    }
  });

  it('ignores a stored value that is no mode', () => {
    const storage = memoryStorage();
    storage.setItem('plugboard-demo-mode', 'sideways');
    expect(initialMode(storage)).toBe('popup');
  });

  it('is popup, and remembering does not throw, when storage refuses', () => {
    expect(initialMode(refusingStorage)).toBe('popup');
    expect(() => rememberMode('redirect', refusingStorage)).not.toThrow();
  });
});
