/** The value of Play.openKey while a play is not closed: one open play per account and kind. */
export function openPlayKey(accountId: string, kind: string): string {
  return `${accountId}:${kind}`;
}
