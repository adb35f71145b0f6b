/** Lines for the person at the terminal (stdout); logs go to stderr through pino. */
export function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function n(value: number): string {
  return value.toLocaleString('en-US');
}
