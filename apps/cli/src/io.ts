// What the program touches outside itself, handed in by the bin (cli.ts): its streams, its environment, Ctrl-C and
// the terminal's yes. Tests hand in their own, to run the program in process.
export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  /** Registers the Ctrl-C handler: the first press stops launching requests, the second exits at once. */
  onInterrupt(first: () => void): void;
  /** Asks on the terminal: the answer, or undefined when there is no terminal to ask on. */
  ask(question: string): Promise<boolean | undefined>;
}
