// Rules every way data comes in shares (CSV files, the ingest API, Slack text): the years a date may
// have, and the characters text may hold. PostgreSQL cannot store a NUL in text, nor year 0, so such
// input would otherwise fail in the database instead of being named to whoever sent it.

/** Contract dates, renewals and signal snapshots all fall in this range; anything else is a typo. */
export const plausibleYears = { first: 1900, last: 2200 } as const;

export function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= plausibleYears.first && year <= plausibleYears.last;
}

/** The year of an ISO day ("2026-03-31"), checked: why it is refused, or null. */
export function isoDayYearProblem(isoDay: string): string | null {
  const year = Number(isoDay.slice(0, 4));
  return isPlausibleYear(year)
    ? null
    : `${isoDay.slice(0, 4)} is not a plausible year (${plausibleYears.first} to ${plausibleYears.last})`;
}

// Unicode's control characters (C0, DEL, C1). A one-line value (a name, an id) holds no tab or line
// break either; free text (a search, a note) may.
const controlCharacter = /\p{Cc}/u;
const controlCharacterBesideWhitespace = /(?![\t\n\r])\p{Cc}/u;

/** Why `text` cannot be taken, or null: it names the first control character and where it is. */
export function controlCharacterProblem(text: string, kind: "one-line" | "free" = "one-line"): string | null {
  const match = (kind === "one-line" ? controlCharacter : controlCharacterBesideWhitespace).exec(text);
  if (!match) return null;
  const code = match[0].charCodeAt(0);
  const name = code === 0 ? "a NUL character" : "a control character";
  const hex = code.toString(16).toUpperCase().padStart(4, "0");
  return `contains ${name} (U+${hex}) at character ${match.index + 1}; remove it`;
}
