// `/portfolio chart`: the picture of the book /portfolio would show the same person (theirs, their team,
// every book for an admin with neither, or the CSM they name): NRR and GRR month by month over the last
// twelve months, and its ARR by health band.
import type { DataAccess } from "../db/client.ts";
import type { TeamMember } from "../domain/team.ts";
import { metricsTrend } from "./metrics-trend.ts";
import { portfolioFor } from "./portfolio.ts";

export type PortfolioChart = { ok: true; title: string; png: Buffer } | { ok: false; message: string };

const bandOfChart = { red: "red", yellow: "yellow", green: "green", unknown: "unscored" } as const;

export async function portfolioChartFor(
  db: DataAccess,
  caller: TeamMember,
  now: Date,
  who?: string,
): Promise<PortfolioChart> {
  const asked = await portfolioFor(db, caller, now, who);
  if (asked.kind === "refused") return { ok: false, message: asked.message };
  const book = asked.kind === "team" ? asked.total : asked.book;
  const ownerIds = asked.kind === "team" ? asked.ownerIds : [asked.book.holder.id];
  const whose =
    asked.kind === "team"
      ? asked.title
      : asked.book.holder.id === caller.id
        ? "Your book"
        : `${asked.book.holder.name ?? asked.book.holder.slackUserId}'s book`;
  const today = now.toISOString().slice(0, 10);
  const trend = await metricsTrend(db, ownerIds, today);
  // ECharts is loaded when a chart is first asked for, not with the bot.
  const { portfolioChartPng } = await import("../charts/portfolio-chart.ts");
  const title = `${whose}: NRR and GRR, trailing 12 months, and ARR by band, ${today}`;
  const png = portfolioChartPng({
    title,
    trend,
    arrByBand: book.summary.bands.map((b) => ({ band: bandOfChart[b.band], arr: Number(b.arr) })),
  });
  return { ok: true, title, png };
}
