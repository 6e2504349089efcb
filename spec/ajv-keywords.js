// The spec's own schema keywords, for ajv (Ajv#addKeyword): whoever validates with the spec's schemas (core's
// generated validators, the test kit's fake cloud) adds these, so each rule is defined once, here, beside the
// document that uses it.
import { _, str } from 'ajv';

/** @type {import('ajv').KeywordDefinition[]} */
export const specKeywords = [
  {
    // A string's length in UTF-16 code units (JavaScript's and Java's `length`), where `maxLength` counts code
    // points: an emoji outside the BMP counts 2 here.
    keyword: 'x-max-utf16-units',
    type: 'string',
    schemaType: 'number',
    code(cxt) {
      cxt.fail(_`${cxt.data}.length > ${cxt.schema}`);
    },
    error: {
      message: ({ schema }) => str`must NOT have more than ${schema} UTF-16 code units (an emoji counts 2)`,
    },
  },
  // Annotations: a hint for pattern errors, and OpenAPI's `example`.
  { keyword: 'x-pattern-hint', schemaType: 'string' },
  { keyword: 'example' },
];
