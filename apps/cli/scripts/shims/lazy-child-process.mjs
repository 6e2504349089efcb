// Bundle-only stand-in for `node:child_process` (see build.mjs). Commander requires it at load time, for
// executable subcommands this CLI does not have; loading it (and net, dgram and the stream stack behind it)
// cost ~1.5 ms of every start. Loaded on first use instead.
let childProcess;
export const spawn = (...args) => {
  childProcess ??= process.getBuiltinModule('node:child_process');
  return childProcess.spawn(...args);
};
