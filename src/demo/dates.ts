// Date arithmetic for the demo book: every date is a UTC instant placed relative to `now`.

const dayMs = 86_400_000;
export const utcDay = (date: Date) =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * dayMs);
export const addHours = (date: Date, hours: number) => new Date(date.getTime() + hours * 3_600_000);
export const daysBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / dayMs);
export const earliest = (a: Date, b: Date) => (a < b ? a : b);
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Same day of month, clamped to the month's last day (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)));
}
