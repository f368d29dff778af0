import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRedirectUrl } from './connect-flow-outcome';
import { parseHttpUrl } from './http-url';

/** Strings near a URL: every scheme the kit meets, odd separators, anything after. */
const urlish = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('http', 'https', 'HtTpS', 'javascript', 'data', 'ftp', 'file', ''),
      fc.constantFrom('://', ':', ':/', '//', ':///', ' '),
      fc.string({ maxLength: 24 }),
    )
    .map((parts) => parts.join('')),
  fc.string(),
);

describe('parseHttpUrl, the kit’s one http(s)-URL check', () => {
  it.each([
    ['https://app.example/cb?x=1#f', 'https://app.example/cb?x=1#f'],
    ['http://127.0.0.1:4010/link', 'http://127.0.0.1:4010/link'],
    ['HTTPS://APP.EXAMPLE', 'https://app.example/'],
  ])('accepts %s', (value, href) => {
    expect(parseHttpUrl(value)?.href).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<p>x',
    'file:///etc/passwd',
    'ftp://x.example',
    '/relative/path',
    '//evil.example/x',
    '',
    'https://',
  ])('refuses %s', (value) => {
    expect(parseHttpUrl(value)).toBeUndefined();
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 1, {}, new URL('https://x.example')]) {
      expect(parseHttpUrl(value)).toBeUndefined();
    }
  });

  it('accepts exactly the strings the URL parser reads as http: or https:', () => {
    fc.assert(
      fc.property(urlish, (value) => {
        let expected: boolean;
        try {
          expected = ['http:', 'https:'].includes(new URL(value).protocol);
        } catch {
          expected = false;
        }
        expect(parseHttpUrl(value) !== undefined).toBe(expected);
      }),
    );
  });

  it("agrees with the connect flow's redirect check on every string", () => {
    expect(checkRedirectUrl('javascript:alert(1)')).toMatchObject({
      kind: 'invalid_response',
      path: 'redirect_url',
    });
    fc.assert(
      fc.property(urlish, (value) => {
        const checked = checkRedirectUrl(value);
        expect(typeof checked === 'string' ? checked : undefined).toBe(parseHttpUrl(value)?.href);
      }),
      { numRuns: 200 },
    );
  });
});
