// A count with its noun, singular for one: "1 request", "2 requests", "1 retry", "0 retries".
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}
