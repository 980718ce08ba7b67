// A health trend in one line of text, "▃▄▄▆▇": Block Kit has no charts, and a trend reads at a glance.
// Scores run 0-100; a week with no score yet is a dot.
const bars = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] as const;

export function sparkline(points: readonly (number | null)[]): string {
  return points
    .map((score) => {
      if (score === null) return "·";
      const index = Math.min(bars.length - 1, Math.max(0, Math.floor((score / 100) * bars.length)));
      return bars[index];
    })
    .join("");
}
