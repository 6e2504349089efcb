// A flag as the user types it, from the attribute its value is kept under (`maxAttempts` → `--max-attempts`):
// commander's own naming rule, inverted, so that each flag is spelled once, where its command declares it.
export function flagName(attribute: string): string {
  return `--${attribute.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}
