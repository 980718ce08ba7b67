export function nodeFlags(script: string, program: string): string[];
export function cliNodeFlags(args: string[]): string[];
