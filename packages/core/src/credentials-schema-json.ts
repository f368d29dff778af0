/** Where a JSON text stops being JSON, as a person reads it: 1-based line and column. */
export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  /** What was expected, never a quote of the text (it may be a private key). */
  reason: string;
}

/**
 * Finds the first syntax error in a JSON text, or returns null when it parses. Engines disagree on
 * whether `JSON.parse` reports a position, and their messages quote the input (a secret here), so
 * this small scanner says where and what, in words of its own.
 *
 * @example locateJsonError('{\n  "a": 1,\n}') // { line: 3, column: 1, reason: 'expected a property name', … }
 */
export function locateJsonError(text: string): JsonSyntaxError | null {
  let at = 0;
  const fail = (reason: string, offset = at): never => {
    throw new JsonScanError(reason, offset);
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, at)) at += word.length;
    else fail('expected a value');
  };
  const string = () => {
    at++; // opening quote
    while (at < text.length) {
      const ch = text[at] as string;
      if (ch === '"') {
        at++;
        return;
      }
      if (ch === '\\') {
        const next = text[at + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6)))
            fail('expected four hex digits after \\u');
          at += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) at += 2;
        else fail('invalid escape in a string');
      } else if (ch < ' ') fail('unescaped control character in a string');
      else at++;
    }
    fail('unterminated string');
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) fail('expected a value');
    at += (match as RegExpExecArray)[0].length;
  };
  const value = (depth: number): void => {
    if (depth > 512) fail('nested too deeply');
    space();
    const ch = text[at];
    if (ch === '{') {
      at++;
      space();
      if (text[at] === '}') {
        at++;
        return;
      }
      for (;;) {
        space();
        if (text[at] !== '"') fail('expected a property name');
        string();
        space();
        if (text[at] !== ':') fail("expected ':'");
        at++;
        value(depth + 1);
        space();
        if (text[at] === ',') at++;
        else if (text[at] === '}') {
          at++;
          return;
        } else fail("expected ',' or '}'");
      }
    } else if (ch === '[') {
      at++;
      space();
      if (text[at] === ']') {
        at++;
        return;
      }
      for (;;) {
        value(depth + 1);
        space();
        if (text[at] === ',') at++;
        else if (text[at] === ']') {
          at++;
          return;
        } else fail("expected ',' or ']'");
      }
    } else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
    else fail(ch === undefined ? 'unexpected end of input' : 'expected a value');
  };
  try {
    value(0);
    space();
    if (at < text.length) fail('unexpected text after the value');
    return null;
  } catch (error) {
    if (!(error instanceof JsonScanError)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - before.lastIndexOf('\n');
    return { offset: error.offset, line, column, reason: error.message };
  }
}

class JsonScanError extends Error {
  constructor(
    reason: string,
    readonly offset: number,
  ) {
    super(reason);
  }
}
