/** The value of one series in Prometheus text (its labels matched exactly), or undefined when it is absent. */
export function series(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = match[2] ? match[2].split(',') : [];
    if (have.length === want.length && want.every((l) => have.includes(l))) return Number(match[3]);
  }
  return undefined;
}
