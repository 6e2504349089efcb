// The fenced code blocks of a Markdown file, with what the docs tests need to decide what to do with each: the
// info string, the line the block starts on, and the reason a README gives for not running one. The README says
// so itself, in a comment its readers never see rendered, on the line right above the fence:
//   <!-- not run: the output of the command above -->

export interface ReadmeBlock {
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The info string's first word (`ts`, `sh`, `json`, …); '' when there is none. */
  readonly lang: string;
  /** The info string's other words (```json keys-file``` → `['keys-file']`). */
  readonly meta: readonly string[];
  /** The block's text, without the fence's indentation (a block inside a list item), ending with a newline. */
  readonly code: string;
  /** Why the block is not run, from a `<!-- not run: REASON -->` comment right above it ('' when it gives none). */
  readonly notRun?: string | undefined;
}

const FENCE = /^( *)(`{3,}|~{3,})\s*([^`]*)$/;
const NOT_RUN = /^<!--\s*not run\b:?\s*([\s\S]*?)\s*-->$/;

export function readmeBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const blocks: ReadmeBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = FENCE.exec(lines[index] as string);
    if (!open) {
      continue;
    }
    const [, indent = '', fence = '', info = ''] = open;
    // Closed by a fence of the same character, at least as long (CommonMark); else it runs to the end.
    const close = new RegExp(`^ *${fence[0]}{${fence.length},}\\s*$`);
    const body: string[] = [];
    let end = index + 1;
    for (; end < lines.length; end++) {
      const line = lines[end] as string;
      if (close.test(line)) {
        break;
      }
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    const [lang = '', ...meta] = info.trim().split(/\s+/).filter(Boolean);
    blocks.push({
      line: index + 1,
      lang,
      meta,
      code: body.length > 0 ? `${body.join('\n')}\n` : '',
      notRun: notRunReason(lines, index),
    });
    index = end;
  }
  return blocks;
}

/** The reason in a `<!-- not run: … -->` comment ending on the line above `fence` (it may span lines). */
function notRunReason(lines: readonly string[], fence: number): string | undefined {
  const last = fence - 1;
  if (last < 0 || !(lines[last] as string).trim().endsWith('-->')) {
    return undefined;
  }
  let first = last;
  while (first > 0 && !(lines[first] as string).trim().startsWith('<!--')) {
    first--;
  }
  const comment = lines
    .slice(first, last + 1)
    .map((line) => line.trim())
    .join(' ');
  return NOT_RUN.exec(comment)?.[1];
}
