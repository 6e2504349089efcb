// Asks for confirmation on the controlling terminal (/dev/tty), so it works when IDs are piped on stdin.
// The terminal modules are imported on demand: most runs never ask, and --help should start fast.

/** The answer, or undefined when there is no terminal to ask on. */
export async function confirmOnTerminal(
  question: string,
  output: NodeJS.WriteStream,
): Promise<boolean | undefined> {
  const [{ openSync }, { createInterface }, { ReadStream, isatty }] = await Promise.all([
    import('node:fs'),
    import('node:readline/promises'),
    import('node:tty'),
  ]);
  let fd: number;
  try {
    fd = openSync('/dev/tty', 'r');
  } catch {
    return undefined;
  }
  if (!isatty(fd)) {
    return undefined;
  }
  const input = new ReadStream(fd);
  const rl = createInterface({ input, output });
  try {
    const answer = await rl.question(question);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
    input.destroy();
  }
}
