// Reading a compiled validator's errors once for every caller: where, which property, and in whose words.
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { type SchemaError, schemaProblems } from '../../src/index.js';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: {
    id: { type: 'string', pattern: '^[a-z]+$', 'x-hint': 'must be lowercase letters' },
    size: { type: 'integer', minimum: 1, 'x-hint': 'must be a positive integer' },
  },
};

function errorsOf(data: unknown, verbose = true): SchemaError[] {
  const ajv = new Ajv2020.default({ allErrors: true, verbose, keywords: ['x-hint'] });
  const validate = ajv.compile(schema);
  expect(validate(data)).toBe(false);
  return validate.errors as SchemaError[];
}

describe('schemaProblems', () => {
  it('names the value at fault, and a missing or unknown property apart, with the properties it may have', () => {
    expect(schemaProblems(errorsOf({ idd: 'a' }))).toEqual([
      {
        pointer: '',
        message: "must have required property 'id'",
        property: { name: 'id', missing: true, known: [] },
      },
      {
        pointer: '',
        message: 'must NOT have additional properties',
        property: { name: 'idd', missing: false, known: ['id', 'size'] },
      },
    ]);
  });

  it('says what is wrong in the schema’s own words where it has them, for the keyword asked only', () => {
    const errors = errorsOf({ id: 'A1', size: 0 });
    expect(schemaProblems(errors, { annotation: 'x-hint' })).toEqual([
      { pointer: '/id', message: 'must be lowercase letters' },
      { pointer: '/size', message: 'must be a positive integer' },
    ]);
    expect(schemaProblems(errors, { annotation: 'x-hint', keyword: 'pattern' })).toEqual([
      { pointer: '/id', message: 'must be lowercase letters' },
      { pointer: '/size', message: 'must be >= 1' },
    ]);
  });

  it('without verbose errors, ajv’s words and no known properties', () => {
    const errors = errorsOf({ id: 'A', extra: 1 }, false);
    expect(schemaProblems(errors, { annotation: 'x-hint' })).toEqual([
      {
        pointer: '',
        message: 'must NOT have additional properties',
        property: { name: 'extra', missing: false, known: [] },
      },
      { pointer: '/id', message: 'must match pattern "^[a-z]+$"' },
    ]);
    expect(schemaProblems(undefined)).toEqual([]);
  });
});
