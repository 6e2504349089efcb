// Bundle-only stand-in for `node:child_process` (see build.mjs). Commander requires it at load time, for
// executable subcommands this CLI does not have; loading it (and net, dgram and the stream stack behind it)
// is a measurable part of every start (a row of bench/startup.mjs). Loaded on first use instead.
let childProcess;
export const spawn = (...args) => {
  childProcess ??= process.getBuiltinModule('node:child_process');
  return childProcess.spawn(...args);
};
