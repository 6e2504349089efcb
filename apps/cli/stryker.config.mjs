// Mutation testing (pnpm test:mutation, from the root): where a silent bug would cost a user most: the logoff
// command, the reading of desktop IDs, the exit codes scripts branch on, and how invalid IDs are named.
import { mutationConfig } from '../../.ci/mutation/config.mjs';

/** Below the floor for now, each held at its score (see CONTRIBUTING.md, "Mutation testing"): none. */
export const catchingUp = {};

export default mutationConfig({
  mutate: [
    'src/commands/logoff/command.ts',
    'src/commands/logoff/confirm.ts',
    'src/commands/logoff/debug.ts',
    'src/commands/logoff/flags.ts',
    'src/commands/logoff/index.ts',
    'src/commands/logoff/load.ts',
    'src/commands/logoff/message.ts',
    'src/commands/logoff/outputs.ts',
    'src/input/read-file.ts',
    'src/input/read-ids.ts',
    'src/exit-codes.ts',
    'src/output/invalid-ids.ts',
  ],
  catchingUp,
});
