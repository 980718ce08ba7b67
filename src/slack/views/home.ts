// The App Home tab: the caller's book, and the demo book on offer while the made-up team still owns it.
import { formatArr, formatMoney } from "../../domain/money.ts";
import type { BookSummary } from "../../services/book.ts";
import {
  type Block,
  button,
  context,
  divider,
  escapeMrkdwn,
  type HomeView,
  header,
  section,
  truncate,
} from "./blocks.ts";
import { openDigestSettingsActionId } from "./digest-settings-modal.ts";

export const claimDemoBookActionId = "demo_book_claim";

export interface HomeExtras {
  /** Accounts the made-up demo team still owns; the offer shows while there are any. */
  demoAccountsOnOffer?: number;
  /** One line about what the last click did. */
  notice?: string;
  /** When and where the person's morning digest comes, with the button that changes it. */
  digest?: string;
}

export function homeView(book: BookSummary, extras: HomeExtras = {}): HomeView {
  const renewals = book.renewals.length
    ? book.renewals
        .map(
          (r) =>
            `• *${escapeMrkdwn(truncate(r.name, 80))}* · ${formatArr(r.arr, { compact: true })} · renews in ${r.daysLeft} days`,
        )
        .join("\n")
    : "No renewals in the next 90 days.";
  return {
    type: "home",
    blocks: [
      ...(extras.notice ? [section(truncate(extras.notice, 3000))] : []),
      ...(extras.demoAccountsOnOffer ? demoOffer(extras.demoAccountsOnOffer) : []),
      header("Your book"),
      section(
        book.accounts
          ? `*${book.accounts}* accounts · *${formatMoney(book.arr, { compact: true })}* ARR`
          : "No accounts are assigned to you yet. An admin loads the book with `csm import accounts <file.csv>`.",
      ),
      divider(),
      section(`*Renewals inside 90 days*\n${truncate(renewals, 2900)}`),
      divider(),
      ...(extras.digest
        ? [
            {
              ...section(truncate(extras.digest, 2900)),
              accessory: button("Digest settings", openDigestSettingsActionId, "open"),
            },
          ]
        : []),
      context("Look any account up with `/account &lt;name or CRM id&gt;`."),
    ],
  };
}

function demoOffer(accounts: number): Block[] {
  return [
    header("Try the bot on the demo book"),
    {
      ...section(
        `The demo book's *${accounts}* made-up accounts belong to a made-up team. Make them yours to see ` +
          "yourself as their owner in `/account` and their open plays in `/plays`. Your own accounts can come later, with `csm import accounts`.",
      ),
      accessory: button("Make the demo accounts mine", claimDemoBookActionId, "claim", "primary"),
    },
    divider(),
  ];
}
