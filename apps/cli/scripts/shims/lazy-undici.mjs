// Bundle-only stand-in for `undici` (see build.mjs): core's undici transport, bundled with the rest of core, makes
// its agents through these. undici is embedded gzipped (`__UNDICI_GZIPPED__`, defined by the build) and compiled
// the first time an agent is made, i.e. only behind a corporate proxy. Compiled synchronously (CommonJS, through
// node:vm), because the transport makes its agent synchronously.
let undici;
const load = () => {
  if (!undici) {
    const { gunzipSync } = process.getBuiltinModule('node:zlib');
    const { compileFunction } = process.getBuiltinModule('node:vm');
    const { createRequire } = process.getBuiltinModule('node:module');
    const source = gunzipSync(Buffer.from(__UNDICI_GZIPPED__, 'base64')).toString('utf8');
    const module = { exports: {} };
    compileFunction(source, ['module', 'exports', 'require'], { filename: 'undici.cjs' })(
      module,
      module.exports,
      createRequire(import.meta.url),
    );
    undici = module.exports;
  }
  return undici;
};

/** A class whose `new` makes the embedded undici's class of that name (the target must be a constructor too). */
const lazyClass = (name) =>
  new Proxy(class {}, { construct: (_target, args) => new (load()[name])(...args) });

export const Agent = lazyClass('Agent');
export const EnvHttpProxyAgent = lazyClass('EnvHttpProxyAgent');
