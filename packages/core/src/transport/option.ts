// The `transport` option, where core takes one. Version 0.1.0 called it `fetch`: an option of that name is refused
// rather than ignored, since ignoring it would send every request another way than the caller chose (not through
// the egress proxy or the test double it was built for).
import { ConfigurationError } from '../errors/classes.js';
import type { Transport } from './types.js';

/** `options.transport`; a ConfigurationError when the transport was passed under 0.1.0's name, `fetch`. */
export function transportOption(options: { transport?: Transport | undefined }): Transport | undefined {
  if ((options as { fetch?: unknown }).fetch !== undefined) {
    throw new ConfigurationError(
      'The option `fetch` is now called `transport`: pass your transport as `transport` (nothing was sent).',
    );
  }
  return options.transport;
}
