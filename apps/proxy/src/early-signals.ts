// Imported first by the bin, so it runs before fastify, pino and core are evaluated: a SIGHUP's default action
// kills the process, and a config reloader may send one while the proxy is still starting. It is remembered
// and served once the proxy is ready (the keys file may have changed after start-up read it).
let hangups = 0;
const remember = () => {
  hangups++;
};
process.on('SIGHUP', remember);

/** Hands SIGHUP over to `handler` and tells whether one arrived before it. */
export function takeOverHangups(handler: () => void): boolean {
  process.on('SIGHUP', handler);
  process.off('SIGHUP', remember);
  return hangups > 0;
}
