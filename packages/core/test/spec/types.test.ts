// Type tests: wrong bodies must not compile. `tsc` (the typecheck task) fails if an expected error vanishes.
import { describe, expectTypeOf, it } from 'vitest';
import type { LogoffClient, LogoffRequestBody, WorkspaceApiError } from '../../src/index.js';

declare const client: LogoffClient;

describe('types generated from the spec', () => {
  it('the body has desktop_ids: string[] and an optional message', () => {
    expectTypeOf<LogoffRequestBody>().toEqualTypeOf<{ desktop_ids: string[]; message?: string }>();
  });

  it('rejects wrong bodies at compile time', () => {
    const wrongBodies = () => {
      // @ts-expect-error desktop_ids is required
      void client.logoff({ message: 'hi' });
      // @ts-expect-error desktop_ids is an array of strings
      void client.logoff({ desktop_ids: [1, 2] });
      // @ts-expect-error message is a string
      void client.logoff({ desktop_ids: ['d'], message: 5 });
      // @ts-expect-error camelCase is not the API's field name
      void client.logoff({ desktopIds: ['d'] });
    };
    expectTypeOf(wrongBodies).toBeFunction();
  });

  it('errors carry typed fields', () => {
    expectTypeOf<WorkspaceApiError['status']>().toEqualTypeOf<number>();
    expectTypeOf<WorkspaceApiError['source']>().toEqualTypeOf<'service' | 'gateway' | 'unknown'>();
  });
});
