// A vitest globalSetup that starts one Prism mock of the spec for a whole test run; tests read its URL with
// inject('prismUrl'). Use it as `globalSetup: ['@wks-logoff/testkit/vitest-prism']`.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startPrism } from './prism.js';

export default async function setup(project: TestProject) {
  const prism = await startPrism({ mode: 'mock' });
  project.provide('prismUrl', prism.url);
  return () => prism.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
  }
}
