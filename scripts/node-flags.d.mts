/** The `--` flags before `dist/<program>.mjs` in the npm script `script`; none when it has none. */
export function nodeFlags(script: string, program: string): string[];
/** The flags `csm <args>` runs with. */
export function cliNodeFlags(args: readonly string[]): string[];
