// The App Home tab, a CSM's dashboard: the book's headline numbers, its accounts by attention with their
// health trend, renewals up or past due, the person's open plays with their buttons, and their digest
// settings. A manager sees the team, one line per CSM, and switches to each CSM's book from a menu.
import { formatArr } from "../../domain/money.ts";
import type { HomeDashboard, HomeSelection } from "../../services/home-dashboard.ts";
import { accountPlaysBlocks } from "./account-plays.ts";
import {
  type Block,
  type ButtonElement,
  button,
  context,
  divider,
  type HomeView,
  header,
  type Option,
  plain,
  section,
  truncate,
} from "./blocks.ts";
import { openDigestSettingsActionId } from "./digest-settings-modal.ts";
import { bookLineSections, portfolioHeadline, renewalLine } from "./portfolio.ts";
import { sparkline } from "./sparkline.ts";
import { bandBadge, inertText, userMention } from "./wording.ts";

export const claimDemoBookActionId = "demo_book_claim";
export const homeShowActionId = "home_show";

export interface HomeExtras {
  /** Accounts the made-up demo team still owns; the offer shows while there are any. */
  demoAccountsOnOffer?: number;
  /** One line about what the last click did. */
  notice?: string;
  /** When and where the person's morning digest comes, with the button that changes it. */
  digest?: string;
  /** The button that records a renewal's outcome. */
  outcomeButton?: (accountId: string, index: number) => ButtonElement;
}

// Slack allows 100 blocks in a Home; the plays take what the rest leaves, in whole accounts.
const homeBlocks = 100;
const playsShownPerAccount = 3;

export function homeView(home: HomeDashboard, now: Date, extras: HomeExtras = {}): HomeView {
  const team = home.selection === "team";
  const blocks: Block[] = [
    ...(extras.notice ? [section(truncate(extras.notice, 3000))] : []),
    ...(extras.demoAccountsOnOffer ? demoOffer(extras.demoAccountsOnOffer) : []),
    header(team ? "Your team" : home.selection === "own" ? "Your book" : "A CSM's book"),
    ...switcher(home),
    ...(home.book.summary.accounts || home.members.length
      ? portfolioHeadline(home.book)
      : [section(noAccounts)]),
    ...(team ? bookLineSections(home.members, 3) : []),
    divider(),
    section(attentionText(home, team)),
    divider(),
    ...renewalBlocks(home, team, extras),
  ];
  const tail: Block[] = [
    ...(extras.digest
      ? [
          divider(),
          {
            ...section(truncate(extras.digest, 2900)),
            accessory: button("Digest settings", openDigestSettingsActionId, "open"),
          },
        ]
      : []),
    context("`/portfolio` for the numbers · `/plays` for every play · `/account <name>` for a card"),
  ];
  blocks.push(...playBlocks(home, now, homeBlocks - blocks.length - tail.length), ...tail);
  return { type: "home", blocks };
}

const noAccounts =
  "No accounts are assigned to you yet. An admin loads the book with `csm import accounts <file.csv>`.";

function switcher(home: HomeDashboard): Block[] {
  if (home.choices.length === 0) return [];
  const option = (text: string, value: string): Option => ({ text: plain(truncate(text, 75)), value });
  const options = [
    option("Your team", "team"),
    option("Your own book", "own"),
    ...home.choices
      .slice(0, 98)
      .map((c) => option(c.name ? `${c.name}'s book` : `${c.slackUserId}'s book`, c.slackUserId)),
  ];
  const selected = selectionValue(home.selection);
  const initial = options.find((o) => o.value === selected);
  return [
    {
      type: "actions",
      block_id: "home_show",
      elements: [
        {
          type: "static_select",
          action_id: homeShowActionId,
          placeholder: plain("Show a book"),
          options,
          ...(initial ? { initial_option: initial } : {}),
        },
      ],
    },
  ];
}

function selectionValue(selection: HomeSelection): string {
  return typeof selection === "object" ? selection.csm : selection;
}

function attentionText(home: HomeDashboard, team: boolean): string {
  if (home.attention.length === 0)
    return "*Needs attention*\nNothing: no account is red or yellow, late, or renewing without a commit.";
  const lines = home.attention.map(({ account, reasons }) => {
    const owner = team ? ` · ${userMention(account.ownerSlackId)}` : "";
    return `• ${bandBadge(account.band)} *${inertText(account.name, 60)}* · ${formatArr(account.arr, { compact: true })}${owner} · \`${sparkline(account.trend)}\` · ${reasons.join(", ")}`;
  });
  return truncate(`*Needs attention* (health over 8 weeks)\n${lines.join("\n")}`, 3000);
}

function renewalBlocks(home: HomeDashboard, team: boolean, extras: HomeExtras): Block[] {
  const { renewalsSoon, renewalsPastDue } = home.book.summary;
  const count = renewalsSoon.length + renewalsPastDue.length;
  if (count === 0) return [section("*Renewals*\nNone past due, none in the next 90 days.")];
  const more = count > home.renewals.length ? ` · showing ${home.renewals.length} of ${count}` : "";
  return [
    section(
      `*Renewals*: ${renewalsPastDue.length} past due, ${renewalsSoon.length} in the next 90 days${more}`,
    ),
    ...home.renewals.map((r, i) => {
      const owner = team ? ` · ${userMention(r.ownerSlackId)}` : "";
      const text = section(truncate(`${renewalLine(r)}${owner}`, 3000));
      return extras.outcomeButton ? { ...text, accessory: extras.outcomeButton(r.id, i) } : text;
    }),
  ];
}

/** The person's open plays by account, as many whole accounts as the Home still holds. */
function playBlocks(home: HomeDashboard, now: Date, budget: number): Block[] {
  if (home.selection !== "own") return [];
  if (home.plays.length === 0) return [divider(), section("*Your open plays*\nNone right now.")];
  const blocks: Block[] = [divider(), section(`*Your open plays* on ${home.plays.length} accounts`)];
  let index = 0;
  for (const account of home.plays) {
    const part = accountPlaysBlocks(account.entries, {
      firstIndex: index,
      surface: { kind: "home" },
      now,
      maxPlays: playsShownPerAccount,
      heading: {
        ...account.account,
        arrAtRisk: account.entries[0]?.play.arrAtRisk ?? null,
        playCount: account.playCount,
      },
      more: (hidden) => `+${hidden} more on this account in \`/plays\`.`,
    });
    if (blocks.length + part.blocks.length + 1 > budget) {
      blocks.push(context("More in `/plays`."));
      break;
    }
    blocks.push(...part.blocks);
    index += part.playsShown;
  }
  return blocks;
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
