// Links of a README that would be dead on the npm registry, which shows the file without its repository: every
// link target that is not an absolute http(s) URL or an anchor of the same page.
export function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\((?!https?:\/\/|#)([^)]+)\)/g)].map((match) => match[1] as string);
}
