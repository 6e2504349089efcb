// The keys file's problems as an operator reads them: a misspelled field is named with the field it most likely
// meant.
import { describe, expect, it } from 'vitest';
import { keysFileProblems } from '../src/index.js';

const SHA = 'a'.repeat(64);

describe('keysFileProblems', () => {
  it('suggests the field an unknown one most likely meant, at every level', () => {
    expect(
      keysFileProblems({
        keys: [{ id: 'a', sha256: SHA, projcts: ['*'] }],
        isuers: [],
      }),
    ).toEqual([
      'isuers is not a known property (did you mean "issuers"?)',
      'keys[0].projects is required',
      'keys[0].projcts is not a known property (did you mean "projects"?)',
    ]);
  });

  it('names an unknown field that is no slip without a suggestion', () => {
    expect(keysFileProblems({ keys: [{ id: 'a', sha256: SHA, projects: ['*'], owner: 'me' }] })).toEqual([
      'keys[0].owner is not a known property',
    ]);
  });
});
