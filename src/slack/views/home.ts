// The App Home tab.
import { formatMoney } from "../../domain/money.ts";
import type { BookSummary } from "../../services/book.ts";
import { context, divider, escapeMrkdwn, type HomeView, header, section, truncate } from "./blocks.ts";

export function homeView(book: BookSummary): HomeView {
  const renewals = book.renewals.length
    ? book.renewals
        .map(
          (r) =>
            `• *${escapeMrkdwn(truncate(r.name, 80))}* · ${formatMoney(r.arr, { compact: true })} · renews in ${r.daysLeft} days`,
        )
        .join("\n")
    : "No renewals in the next 90 days.";
  return {
    type: "home",
    blocks: [
      header("Your book"),
      section(
        book.accounts
          ? `*${book.accounts}* accounts · *${formatMoney(book.arr, { compact: true })}* ARR`
          : "No accounts are assigned to you yet. An admin loads the book with `csm import accounts <file.csv>`.",
      ),
      divider(),
      section(`*Renewals inside 90 days*\n${truncate(renewals, 2900)}`),
      divider(),
      context("Look any account up with `/account &lt;name or CRM id&gt;`."),
    ],
  };
}
