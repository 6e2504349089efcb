import type { KeywordDefinition } from 'ajv';

/** The spec's own schema keywords (`x-max-utf16-units`, `x-pattern-hint`, `example`), for Ajv#addKeyword. */
export declare const specKeywords: KeywordDefinition[];
