// The quick-start demo: start the Prism mock of the spec, log off a handful of sample desktops through
// @wks-logoff/core with a dummy token, show what the client does with bad input and cloud errors, stop Prism.
import { createLogoffClient, type Transport, tokenAuth, WksError } from '@wks-logoff/core';
import { startPrism } from '@wks-logoff/testkit';

const PROJECT_ID = '2b31ed520a1b4d3cb2c3d4e5f6a7b8c9';
const sampleDesktops = Array.from(
  { length: 5 },
  (_, i) => `2a010270-a011-415e-b1cd-3c484c8a80${String(i).padStart(2, '0')}`,
);

/** Asks Prism for a named example of the spec instead of its default answer. */
function preferring(prefer: string): Transport {
  return (request) => {
    request.headers.set('Prefer', prefer);
    return fetch(request);
  };
}

function describeError(error: unknown): string {
  return error instanceof WksError ? `${error.name}: ${error.message}` : String(error);
}

const prism = await startPrism({ mode: 'mock' });
try {
  console.log(`wks-logoff demo: Prism mock of spec/openapi.yaml at ${prism.url} (dummy token, no cloud)\n`);
  const client = createLogoffClient({
    endpoint: prism.url,
    projectId: PROJECT_ID,
    auth: tokenAuth('demo-token'),
  });

  const result = await client.logoff({
    desktop_ids: sampleDesktops,
    message: 'Maintenance starts in 10 minutes.',
  });
  console.log(`✔ logged off ${sampleDesktops.length} desktops in project ${PROJECT_ID}`);
  for (const id of sampleDesktops) console.log(`    ${id}`);
  console.log(`  HTTP ${result.status}, cloud request ID ${result.requestId}\n`);

  try {
    await client.logoff({ desktop_ids: ['not a desktop id'] });
  } catch (error) {
    console.log(`✘ bad input is caught before anything is sent:\n  ${describeError(error)}\n`);
  }

  const busy = createLogoffClient({
    endpoint: prism.url,
    projectId: PROJECT_ID,
    auth: tokenAuth('demo-token'),
    fetch: preferring('code=409, example=desktopBusy'),
  });
  try {
    await busy.logoff({ desktop_ids: sampleDesktops.slice(0, 1) });
  } catch (error) {
    console.log(`✘ a cloud error becomes one typed error:\n  ${describeError(error)}`);
  }
} finally {
  await prism.stop();
}
