import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './pending-attempt';

/** Where a browser on https://app.example goes for `location.replace(path)`. */
const destination = (path: string) => new URL(path, 'https://app.example/settings').origin;

describe('safeReturnPath', () => {
  it('keeps a same-origin path, its query and its hash', () => {
    expect(safeReturnPath('/settings?tab=apps#github')).toBe('/settings?tab=apps#github');
  });

  it.each([
    ['a tab', '/\t/evil.com'],
    ['a carriage return', '/\r/evil.com'],
    ['a line feed', '/\n/evil.com'],
    ['a tab before a backslash', '/\t\\evil.com'],
  ])('refuses /<%s>/evil.com, which the URL parser reads as //evil.com (off-origin)', (_name, attack) => {
    // The attack is real: unchecked, the browser would leave the app's origin.
    expect(destination(attack)).not.toBe('https://app.example');
    expect(safeReturnPath(attack)).toBe('/');
  });

  it.each([
    '//evil.com',
    '/\\evil.com',
    '\\\\evil.com',
    'https://evil.com/',
    'javascript:alert(1)',
    'settings',
    '/\0/evil.com',
  ])('refuses %s', (attack) => {
    expect(safeReturnPath(attack)).toBe('/');
  });

  it('returns the path the parser normalised, so what was checked is what is navigated to', () => {
    expect(safeReturnPath('/a/../b?x=1')).toBe('/b?x=1');
    expect(destination(safeReturnPath('/a/..//evil.com'))).toBe('https://app.example');
  });
});
