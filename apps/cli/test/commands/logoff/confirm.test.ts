// Nothing large is sent without a yes: asked on the terminal, refused without one, never asked when small.
import { describe, expect, it } from 'vitest';
import { type ConfirmRequest, confirmLogoff } from '../../../src/commands/logoff/confirm.js';
import { CliError } from '../../../src/errors.js';

/** A request whose terminal gives `answer` (or that has no terminal), recording each question. */
const request = (fields: Partial<ConfirmRequest>, answer: boolean | 'no terminal' = true) => {
  const questions: string[] = [];
  const full: ConfirmRequest = {
    desktops: 150,
    requests: 2,
    projectId: 'proj',
    target: {
      endpoint: 'https://workspace.cn-north-4.myhuaweicloud.com',
      region: 'cn-north-4',
      auth: 'aksk',
      proxy: false,
    },
    message: 'back at 6',
    above: 100,
    yes: undefined,
    ask: async (question) => {
      questions.push(question);
      return answer === 'no terminal' ? undefined : answer;
    },
    ...fields,
  };
  return { full, questions };
};

describe('confirmLogoff', () => {
  it('does not ask at or below the threshold', async () => {
    const { full, questions } = request({ desktops: 100 });
    await confirmLogoff(full);
    expect(questions).toEqual([]);
  });

  it('does not ask with --yes', async () => {
    const { full, questions } = request({ yes: true });
    await confirmLogoff(full);
    expect(questions).toEqual([]);
  });

  it('asks with the count, project, target, requests and message, and goes on after a yes', async () => {
    const { full, questions } = request({});
    await confirmLogoff(full);
    expect(questions).toEqual([
      'Log off 150 desktops in project proj via https://workspace.cn-north-4.myhuaweicloud.com (region cn-north-4, AK/SK) in 2 requests with the message "back at 6"? [y/N] ',
    ]);
  });

  it('asks without a message when there is none', async () => {
    const { full, questions } = request({ message: undefined });
    await confirmLogoff(full);
    expect(questions[0]).toMatch(/ in 2 requests\? \[y\/N\] $/);
  });

  it('shows a hostile message escaped, not as terminal control codes', async () => {
    const { full, questions } = request({ message: 'hi\x1b[2J' });
    await confirmLogoff(full);
    expect(questions[0]).not.toContain('\x1b');
  });

  it('stops after a no, saying nothing was sent', async () => {
    const { full } = request({}, false);
    await expect(confirmLogoff(full)).rejects.toThrow(new CliError('declined: nothing was sent'));
  });

  it('refuses without a terminal to ask on, and says to pass --yes', async () => {
    const { full } = request({}, 'no terminal');
    await expect(confirmLogoff(full)).rejects.toThrow(
      /without confirmation and no terminal to ask on: pass --yes/,
    );
  });

  it('names how many desktops and the threshold when it refuses', async () => {
    const { full } = request({ desktops: 101 }, 'no terminal');
    await expect(confirmLogoff(full)).rejects.toThrow(
      new CliError(
        'refusing to log off 101 desktops (more than 100) without confirmation and no terminal to ask on: pass --yes',
      ),
    );
  });
});
