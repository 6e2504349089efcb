import { describe, expect, it } from 'vitest';
import { readmeBlocks } from '../src/readme-blocks.js';

describe('readmeBlocks', () => {
  it('finds each fenced block with its language, the rest of its info string and its line', () => {
    const markdown = [
      '# Title', // 1
      '', // 2
      '```sh', // 3
      'npm install x', // 4
      '```', // 5
      'Prose.', // 6
      '```json keys-file', // 7
      '{"keys": []}', // 8
      '```', // 9
      '```', // 10
      'no language', // 11
      '```', // 12
    ].join('\n');
    expect(readmeBlocks(markdown)).toEqual([
      { line: 3, lang: 'sh', meta: [], code: 'npm install x\n', notRun: undefined },
      { line: 7, lang: 'json', meta: ['keys-file'], code: '{"keys": []}\n', notRun: undefined },
      { line: 10, lang: '', meta: [], code: 'no language\n', notRun: undefined },
    ]);
  });

  it('takes a block inside a list item without its indentation', () => {
    const markdown = [
      '- A profile:',
      '',
      '  ```json',
      '  {"profiles": {',
      '    "a": {}',
      '  }}',
      '  ```',
    ].join('\n');
    expect(readmeBlocks(markdown)).toMatchObject([{ line: 3, code: '{"profiles": {\n  "a": {}\n}}\n' }]);
  });

  it('keeps a shorter fence inside a longer one as text', () => {
    const markdown = ['````md', '```sh', 'inner', '```', '````', 'after'].join('\n');
    expect(readmeBlocks(markdown)).toMatchObject([{ lang: 'md', code: '```sh\ninner\n```\n' }]);
  });

  it('reads the reason of a "not run" comment on the line above, on one line or several', () => {
    const markdown = [
      '<!-- not run: the output of the command above -->',
      '```text',
      'done',
      '```',
      '<!-- not run: needs a container engine,',
      '     which the tests do not have -->',
      '```sh',
      'docker build .',
      '```',
    ].join('\n');
    expect(readmeBlocks(markdown).map((block) => block.notRun)).toEqual([
      'the output of the command above',
      'needs a container engine, which the tests do not have',
    ]);
  });

  it('gives an empty reason when the comment has none, and none for a comment further up', () => {
    const markdown = [
      '<!-- not run -->',
      '```text',
      'x',
      '```',
      '<!-- not run: far -->',
      '',
      '```sh',
      'y',
      '```',
    ];
    expect(readmeBlocks(markdown.join('\n')).map((block) => block.notRun)).toEqual(['', undefined]);
  });
});
