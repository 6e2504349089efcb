import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Absolute path of the spec's YAML document. */
export const specPath: string = require.resolve('@wks-logoff/spec/openapi.yaml');
