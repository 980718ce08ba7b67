// /portfolio: a book's headline (ARR, NRR and GRR against their benchmarks, accounts by band), its
// renewals inside the window and past due, and its late plays; a team as one line per CSM under the
// team's own headline. The App Home reuses the headline.
import { type Benchmarked, grrStanding, nrrStanding } from "../../domain/metrics/benchmarks.ts";
import { formatMoney } from "../../domain/money.ts";
import { playKindLabel } from "../../domain/plays/kinds.ts";
import { plural } from "../../domain/plays/wording.ts";
import {
  type PortfolioBand,
  type PortfolioSummary,
  type RenewalLine,
  sumArr,
} from "../../domain/portfolio/summary.ts";
import type { BookPortfolio } from "../../services/portfolio.ts";
import { type Block, context, divider, type MessagePayload, section, truncate } from "./blocks.ts";
import { bandEmoji, commitLabel, dayCount, inertText, relativeDays, userMention } from "./wording.ts";

const listed = 10;
const bandWords = (band: PortfolioBand) =>
  `${bandEmoji(band)} ${band === "unknown" ? "not enough data" : band}`;

const money = (arr: string) => formatMoney(arr, { compact: true });
const arrOf = (arr: string | null) => (arr === null ? "ARR unknown" : money(arr));

function retention(name: string, figure: Benchmarked): string {
  if (figure.value === null) return `*${name}* n/a (no ARR a year ago to measure from)`;
  return `*${name}* ${figure.value.toFixed(1)}% · ${figure.standing}`;
}

/** The book's size and worth, its trailing-twelve-month NRR and GRR, and its accounts by band. */
export function portfolioHeadline(book: Omit<BookPortfolio, "holder">): Block[] {
  const { summary, metrics } = book;
  const unknown = summary.unknownArrAccounts
    ? ` (${plural(summary.unknownArrAccounts, "account")} with unknown ARR, left out)`
    : "";
  const nrr = nrrStanding(metrics.nrr);
  const grr = grrStanding(metrics.grr);
  return [
    section(
      `*${plural(summary.accounts, "account")}* · *${money(summary.arr)}* ARR${unknown}\n` +
        `${retention("NRR", nrr)}   ${retention("GRR", grr)}`,
    ),
    context(
      `Trailing 12 months, ${metrics.from} to ${metrics.to}. Benchmarks: NRR ${nrr.benchmark}; GRR ${grr.benchmark}.`,
    ),
    section(summary.bands.map((b) => `${bandWords(b.band)} *${b.accounts}* · ${money(b.arr)}`).join("   ")),
  ];
}

export function bookPortfolioMessage(book: BookPortfolio, own: boolean): MessagePayload {
  const { summary } = book;
  const whose = own ? "Your book" : `${userMention(book.holder.slackUserId)}'s book`;
  return {
    text: `${own ? "Your book" : "Book"}: ${summary.accounts} accounts, ${money(summary.arr)} ARR`,
    blocks: [
      section(`*${whose}*`),
      ...portfolioHeadline(book),
      divider(),
      section(renewalList("Renewals in the next 90 days", summary.renewalsSoon, "None.")),
      ...(summary.renewalsPastDue.length
        ? [section(renewalList("Renewals past due, no outcome recorded", summary.renewalsPastDue, ""))]
        : []),
      section(overduePlays(summary)),
      context(
        "`/plays` works your plays · `/portfolio chart` draws the NRR/GRR trend and ARR by band · `/portfolio @someone` shows their book",
      ),
    ],
  };
}

export function teamPortfolioMessage(
  title: string,
  total: Omit<BookPortfolio, "holder">,
  books: readonly BookPortfolio[],
): MessagePayload {
  const chunks = bookLineSections(books, 40);
  return {
    text: `${title}: ${books.length} books, ${money(total.summary.arr)} ARR`,
    blocks: [
      section(`*${title}*: ${plural(books.length, "book")}`),
      ...portfolioHeadline(total),
      section(overduePlays(total.summary)),
      divider(),
      ...(chunks.length ? chunks : [section("No books yet.")]),
      context("`/portfolio @someone` shows one CSM's book · `/portfolio chart` draws the team's trend"),
    ],
  };
}

/** One line per CSM, ten to a section (each under Block Kit's 3,000 characters), at most `maxSections`. */
export function bookLineSections(books: readonly BookPortfolio[], maxSections: number): Block[] {
  const sections: Block[] = [];
  for (let i = 0; i < books.length && sections.length < maxSections; i += listed)
    sections.push(
      section(
        truncate(
          books
            .slice(i, i + listed)
            .map(bookLine)
            .join("\n"),
          3000,
        ),
      ),
    );
  const shown = Math.min(books.length, maxSections * listed);
  if (shown < books.length) sections.push(context(`…and ${books.length - shown} more books.`));
  return sections;
}

/** One CSM in a team: size, worth, retention, red, renewals, late plays. */
export function bookLine(book: BookPortfolio): string {
  const { summary, metrics } = book;
  const red = summary.bands.find((b) => b.band === "red");
  const parts = [
    `${userMention(book.holder.slackUserId)}: ${plural(summary.accounts, "account")}, ${money(summary.arr)}`,
    `NRR ${metrics.nrr === null ? "n/a" : `${metrics.nrr.toFixed(1)}%`}`,
    `GRR ${metrics.grr === null ? "n/a" : `${metrics.grr.toFixed(1)}%`}`,
    `🔴 ${red?.accounts ?? 0} (${money(red?.arr ?? "0")})`,
    `${summary.renewalsSoon.length} renewing in 90 days (${money(sumArr(summary.renewalsSoon))})`,
    ...(summary.renewalsPastDue.length ? [`${summary.renewalsPastDue.length} past due`] : []),
    ...(summary.overduePlays.length ? [`${plural(summary.overduePlays.length, "play")} overdue`] : []),
  ];
  return `• ${parts.join(" · ")}`;
}

export function renewalLine(r: RenewalLine): string {
  const when = r.daysLeft < 0 ? `${dayCount(-r.daysLeft)} past due` : relativeDays(r.daysLeft);
  return `*${inertText(r.name, 80)}* · ${arrOf(r.arr)} · ${when} · commit: ${commitLabel(r.commit)}`;
}

function renewalList(title: string, renewals: readonly RenewalLine[], none: string): string {
  if (renewals.length === 0) return `*${title}*\n${none}`;
  const more = renewals.length > listed ? `\n…and ${renewals.length - listed} more` : "";
  return truncate(
    `*${title}* · ${renewals.length} · ${money(sumArr(renewals))}\n${renewals
      .slice(0, listed)
      .map((r) => `• ${renewalLine(r)}`)
      .join("\n")}${more}`,
    3000,
  );
}

function overduePlays(summary: PortfolioSummary): string {
  const plays = summary.overduePlays;
  if (plays.length === 0) return "*Plays overdue*: none.";
  const shown = plays
    .slice(0, 5)
    .map((p) => `• *${inertText(p.accountName, 60)}*: ${playKindLabel(p.kind)}`)
    .join("\n");
  const more = plays.length > 5 ? `\n…and ${plays.length - 5} more in \`/plays\`` : "";
  return truncate(`*Plays overdue*: ${plays.length}\n${shown}${more}`, 3000);
}
