// User-supplied text (Slack names, emails, account names, message text) as the CLI prints it. A name
// may hold a tab or a line break, which would forge a row or a line of output, or start with = + - @,
// which a spreadsheet opening the saved output would run as a formula.

const escapes: Record<string, string> = { "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** Control characters shown, not sent: tab, newline and return as \t \n \r, others as \u{XXXX}. */
export function printable(text: string): string {
  return text.replace(
    /\p{Cc}/gu,
    (c) => escapes[c] ?? `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}}`,
  );
}

/** A cell of tab-separated output: printable, and never read as a formula. */
export function tableCell(text: string): string {
  const shown = printable(text);
  return /^[=+\-@]/.test(shown) ? `'${shown}` : shown;
}

/** A row of tab-separated output; null cells print as "-". */
export function tableRow(cells: readonly (string | null)[]): string {
  return cells.map((cell) => (cell === null ? "-" : tableCell(cell))).join("\t");
}
