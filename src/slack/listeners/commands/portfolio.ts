// /portfolio [@csm] [chart]: the caller's book (a manager's team, one line per CSM), or one CSM's book,
// privately; with "chart", the same book's picture, sent to the caller's direct message with the bot.
import { portfolioFor } from "../../../services/portfolio.ts";
import type { AppDeps } from "../../deps.ts";
import { commandHandler, UserFacingError } from "../../handler.ts";
import { parsePortfolioText } from "../../parse/portfolio-text.ts";
import { sendChart } from "../../surfaces/portfolio-chart.ts";
import { bookPortfolioMessage, teamPortfolioMessage } from "../../views/portfolio.ts";

export const portfolioCommand = {
  command: "/portfolio",
  description:
    "Your book in numbers: ARR, NRR and GRR, health bands, renewals, late plays; a team for managers",
  usage_hint: "[@csm] [chart]",
};

export function portfolioCommandHandler(deps: AppDeps) {
  return commandHandler(
    deps,
    async ({ command, client }, caller) => {
      const asked = parsePortfolioText(command.text);
      if (!asked.ok) throw new UserFacingError(asked.message);
      if (asked.chart) return sendChart(deps, client, caller.user, command.channel_id, asked.who);
      const found = await portfolioFor(deps.db, caller.user, deps.clock(), asked.who);
      if (found.kind === "refused") throw new UserFacingError(found.message);
      if (found.kind === "team") return teamPortfolioMessage(found.title, found.total, found.books);
      return bookPortfolioMessage(found.book, found.book.holder.id === caller.user.id);
    },
    { need: "read" },
  );
}
