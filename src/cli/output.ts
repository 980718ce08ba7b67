/** A refusal the CLI prints as is and exits 1 on (bad file, unknown user...). */
export class CliFailure extends Error {}

/** "1 row", "3 rows", "2 touches". */
export function formatCount(
  n: number,
  noun: string,
  plural = /(s|sh|ch|x)$/.test(noun) ? `${noun}es` : `${noun}s`,
): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? noun : plural}`;
}
