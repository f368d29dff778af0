export interface JsonErrorPosition {
  /**
   * 0-based offset where reading stops: the first character that cannot continue the JSON (inside
   * a string, the raw control character or the bad escape's backslash), the start of a number or
   * `true`/`false`/`null` that does not read whole, or the length when the text ends early.
   */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/**
 * Where `text` stops being valid JSON, or `undefined` when it is valid. Exists because
 * `JSON.parse`'s own messages quote the input, and the input may be a secret (`credentials_json`).
 *
 * @example jsonErrorPosition('{"a": }') // { offset: 6, line: 1, column: 7 }
 */
export function jsonErrorPosition(text: string): JsonErrorPosition | undefined {
  let at = 0;
  /** Moves past what `pattern` (sticky) matches here; whether it matched. */
  const eat = (pattern: RegExp): boolean => {
    pattern.lastIndex = at;
    const matched = pattern.test(text);
    if (matched) at = pattern.lastIndex;
    return matched;
  };
  const char = (wanted: string): boolean => {
    eat(SPACE);
    if (text[at] !== wanted) return false;
    at++;
    return true;
  };
  // Stops at the first character that cannot continue a string: a raw control character, a bad
  // escape's backslash, or the end of the text.
  const string = (): boolean => {
    if (!eat(STRING_BODY) || text[at] !== '"') return false;
    at++;
    return true;
  };
  const value = (depth: number): boolean => {
    eat(SPACE);
    const open = text[at];
    if (open !== '{' && open !== '[') {
      return open === '"' ? string() : eat(NUMBER) || eat(LITERAL);
    }
    if (depth > 512) return false;
    at++;
    const close = open === '{' ? '}' : ']';
    if (char(close)) return true;
    do {
      if (open === '{' && !(eat(SPACE) && string() && char(':'))) return false;
      if (!value(depth + 1)) return false;
    } while (char(','));
    return char(close);
  };
  if (value(0) && eat(SPACE) && at === text.length) return undefined;
  const before = text.slice(0, at);
  return { offset: at, line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

const SPACE = /[ \t\n\r]*/y;
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON forbids raw control characters in a string
const STRING_BODY = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const LITERAL = /true|false|null/y;
