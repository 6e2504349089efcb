// Starts one Prism mock of the spec for the whole run; tests get its URL with inject('prismUrl').
import { startPrism } from '@wks-logoff/testkit';
import type { TestProject } from 'vitest/node';

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
