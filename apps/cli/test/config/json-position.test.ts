// Where a profile stops being JSON, by line and column, never quoting its text.
import { describe, expect, it } from 'vitest';
import { describeJsonError } from '../../src/config/json-position.js';

describe('describeJsonError', () => {
  it.each([
    ['{\n  "a": 1,\n  b\n}', 'line 3, column 3: Expected double-quoted property name'],
    ['{"a": }', "line 1, column 7: Unexpected token '}'"],
    ['[1,,2]', "line 1, column 4: Unexpected token ','"],
    ['{"a": 1', "line 1, column 8: Expected ',' or '}' after property value"],
    ['', 'line 1, column 1: Unexpected end of JSON input'],
    ['{"a": 1}\n]', 'line 2, column 1: Unexpected non-whitespace character after JSON'],
  ])('%j', (text, expected) => {
    expect(describeJsonError(text)).toBe(expected);
  });

  it('is undefined for JSON, and never repeats the text', () => {
    expect(describeJsonError('{"a": 1}')).toBeUndefined();
    expect(describeJsonError('{"secret": "x-do-not-leak" }}')).not.toContain('do-not-leak');
  });
});
