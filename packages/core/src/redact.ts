/** What a secret is replaced with in any text the kit keeps or shows. */
export const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of every secret in `text` with `[redacted]`, including the forms a
 * server might echo a value in: as sent, URL-encoded and JSON-escaped (a private key's newlines).
 * Longer secrets go first so that one secret containing another is removed whole.
 *
 * @example redactSecrets('bad key sk_test_1', ['sk_test_1']) // 'bad key [redacted]'
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  if (secrets.length === 0 || text.length === 0) return text;
  let out = text;
  for (const form of secretForms(secrets)) {
    if (out.includes(form)) out = out.split(form).join(REDACTED);
  }
  return out;
}

/** Every textual form of the secrets worth searching for, longest first, without duplicates. */
function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
    try {
      forms.add(encodeURIComponent(secret));
    } catch {
      // A lone surrogate cannot be URL-encoded, so it cannot appear URL-encoded either.
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * `value` with every secret removed from every string in it, keys and shape kept (a JSON copy), or
 * `value` itself when none of them appears: for bodies and errors that are kept, shown or sent on.
 *
 * @example redactJsonStrings({ detail: 'bad key sk_test_1' }, ['sk_test_1']) // { detail: 'bad key [redacted]' }
 */
export function redactJsonStrings<T>(value: T, secrets: readonly string[]): T {
  const json = JSON.stringify(value);
  return json === undefined || redactSecrets(json, secrets) === json ? value : parseRedacted(json, secrets);
}

/** `JSON.stringify(value)` with the same redaction, stringifying once when no secret appears. */
export function redactedJsonText(value: unknown, secrets: readonly string[]): string {
  const json = JSON.stringify(value);
  return redactSecrets(json, secrets) === json ? json : JSON.stringify(parseRedacted(json, secrets));
}

function parseRedacted(json: string, secrets: readonly string[]) {
  return JSON.parse(json, (_key, item: unknown) =>
    typeof item === 'string' ? redactSecrets(item, secrets) : item,
  );
}
