// The period a metric is computed over. A period runs from the end of its `from` day to the end of its
// `to` day: what happened on `from` belongs to the starting position, what happened on `to` to the period.
// Days are ISO strings ("2026-12-07"), compared as text.

export interface Period {
  from: string;
  to: string;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

function shiftMonths(day: string, months: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  // The same day of the month, or the month's last day (12 months before 2028-02-29 is 2027-02-28).
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, last));
  return iso(target);
}

/** The trailing twelve months ending on `to`: from the same day a year earlier. */
export function trailingTwelveMonths(to: string): Period {
  return { from: shiftMonths(to, -12), to };
}

/**
 * The days a monthly trend ends its points on: the last days of the `count - 1` months before `today`'s
 * month, then `today` itself (so the last point is the figure as it stands now), oldest first.
 */
export function monthEnds(today: string, count: number): string[] {
  const [year, month] = today.split("-").map(Number) as [number, number];
  const ends = Array.from({ length: Math.max(count - 1, 0) }, (_, i) =>
    iso(new Date(Date.UTC(year, month - count + i + 1, 0))),
  );
  return count > 0 ? [...ends, today] : [];
}

/** Quarter to date: from the last day of the previous quarter (whose end starts the quarter) to `to`. */
export function quarterToDate(to: string): Period {
  const [year, month] = to.split("-").map(Number) as [number, number];
  const quarterStart = new Date(Date.UTC(year, Math.floor((month - 1) / 3) * 3, 1));
  return { from: iso(new Date(quarterStart.getTime() - 86_400_000)), to };
}

/** Whether a movement dated `day` happens inside the period (after `from`, up to and including `to`). */
export function inPeriod(day: string, period: Period): boolean {
  return day > period.from && day <= period.to;
}
