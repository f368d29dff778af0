// Web Crypto only (no node:crypto), so the in-process sandbox also runs in a browser (Storybook).
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A random id in Composio's style: `prefix` + `_` + base62 characters from a crypto RNG.
 *
 * @example randomId('ca') // 'ca_4fJ9kQ2mX8pZ'
 */
export function randomId(prefix: string, length = 12): string {
  // 248 is the largest multiple of 62 below 256: rejecting bytes above it keeps the draw uniform.
  let out = '';
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return `${prefix}_${out}`;
}

/** An RFC 4122 version 4 UUID from `crypto.getRandomValues` (randomUUID needs a secure context). */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const WORDS_A = ['red', 'blue', 'green', 'amber', 'silver', 'quiet', 'swift', 'bright', 'calm', 'bold'];
const WORDS_B = [
  'castle',
  'river',
  'falcon',
  'meadow',
  'harbor',
  'summit',
  'forest',
  'lantern',
  'comet',
  'anchor',
];

/** v3.1's `word_id`: a toolkit-prefixed pair of words, e.g. `github_red-castle`. */
export function randomWordId(toolkitSlug: string): string {
  const [a = 0, b = 0] = crypto.getRandomValues(new Uint8Array(2));
  return `${toolkitSlug}_${WORDS_A[a % WORDS_A.length]}-${WORDS_B[b % WORDS_B.length]}`;
}
