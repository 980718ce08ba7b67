// What a touch is held to (every customer touch is logged within 24 hours).

/** A touch logged more than this long after it happened is accepted, and counted as late. */
export const loggedWithinHours = 24;
const hourMs = 3_600_000;

export function isLateTouch(occurredAt: Date, loggedAt: Date): boolean {
  return loggedAt.getTime() - occurredAt.getTime() > loggedWithinHours * hourMs;
}
