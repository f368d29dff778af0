// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { jsonErrorPosition } from './json-error-position';

describe('jsonErrorPosition', () => {
  it.each([['{"a" :1 , "b":[ true , null,"x\\u00e9", -0.5e+3]}'], [' [] '], ['{ }'], ['"a b"']])(
    '%j is valid',
    (text) => {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonErrorPosition(text)).toBeUndefined();
    },
  );

  it.each([
    // A raw newline inside a string: the string stops there, even though a quote follows.
    ['"a\nb"', 2],
    ['"\t"', 1],
    ['"a\\x"', 2],
    ['"\\u12G4"', 1],
    ['{"a": }', 6],
    ['[1,]', 3],
    ['{"a":1,}', 7],
    ['{"a"}', 4],
    ['{,}', 1],
    ['[1 2]', 3],
    ['01', 1],
    ['1.', 1],
    ['tru', 0],
    ['{"a":"b"', 8],
    ['[[[', 3],
  ])('%j is invalid at %i', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorPosition(text)?.offset).toBe(offset);
  });

  it('counts lines and columns from 1', () => {
    expect(jsonErrorPosition('{\n  "a": 1,\n  "b": ?\n}')).toEqual({ offset: 19, line: 3, column: 8 });
  });

  it('refuses nesting deeper than 512 without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(jsonErrorPosition(deep)?.offset).toBe(513);
  });
});
