// The /plays reply: the caller's open plays by account, the most urgent account first, as many accounts as
// one message holds (Slack: 50 blocks), then a count of the rest and a button to the next accounts.

import type { AccountPlays } from "../../domain/plays/account-groups.ts";
import { accountPlaysBlocks } from "./account-plays.ts";
import {
  type ActionsBlock,
  type Block,
  button,
  context,
  divider,
  header,
  type MessagePayload,
  section,
} from "./blocks.ts";
import { blockKitLimits } from "./limits-table.ts";
import type { PlayItem } from "./play-blocks.ts";
import { inertText } from "./wording.ts";

export interface PlaysListItem extends PlayItem {
  account: { id: string; name: string; band: string | null };
  arrAtRisk: string | null;
}

export interface PlaysListOptions {
  now: Date;
  /** The first account shown: 0, or where the "Next accounts" button left off. */
  offset?: number;
}

/** The paging buttons' action ids; their value is the first account of the page they show. */
export const playsPageActions = { next: "plays_page_next", first: "plays_page_first" } as const;

// A red account opens seven plays: two blocks each, so eight shown keep one account within a third of a
// message and show a whole red account; the rest of an account are counted and its card lists them.
export const playsShownPerAccount = 8;
// Header and order line above the accounts; count line and paging buttons below them.
const blocksAbove = 2;
const blocksBelow = 2;

const say = {
  header: (plays: number, accounts: number) =>
    `Your open plays: ${plays} on ${accounts === 1 ? "1 account" : `${accounts} accounts`}`,
  empty:
    "No open plays — nothing needs you right now. When an account's health calls for action, a play shows up here with an owner and a deadline.",
  order:
    "Accounts with the most urgent play first: overdue, then due soonest, then the most ARR at stake. An open save play lists the account's other signal plays as its checklist.",
  morePlays: (hidden: number, name: string) =>
    `+${hidden} more on this account — \`/account ${inertText(name, 80)}\` lists them all.`,
  page: (from: number, to: number, total: number) => `Accounts ${from}–${to} of ${total}.`,
  rest: (accounts: number, plays: number) =>
    ` ${accounts === 1 ? "1 more account" : `${accounts} more accounts`} with ${plays === 1 ? "1 play" : `${plays} plays`} after these.`,
  next: "Next accounts",
  first: "Back to the first",
  fallback: (plays: number, accounts: number) =>
    `You have ${plays === 1 ? "1 open play" : `${plays} open plays`} on ${accounts === 1 ? "1 account" : `${accounts} accounts`}`,
};

/** `accounts` is already in urgency order (services/play-listing.ts listAccountPlaysFor). */
export function playsList(
  accounts: readonly AccountPlays<PlaysListItem>[],
  { now, offset = 0 }: PlaysListOptions,
): MessagePayload {
  if (accounts.length === 0) return { text: say.empty, blocks: [section(say.empty)] };
  const start = offset < accounts.length ? offset : 0;
  const totalPlays = accounts.reduce((sum, account) => sum + account.playCount, 0);
  const surface = start ? { kind: "plays" as const, offset: start } : { kind: "plays" as const };
  const budget = blockKitLimits.blocksPerMessage - blocksAbove - blocksBelow;
  const body: Block[] = [];
  let playIndex = 0;
  let end = start;
  for (const account of accounts.slice(start)) {
    const { blocks, playsShown } = accountPlaysBlocks(account.entries, {
      firstIndex: playIndex,
      surface,
      now,
      maxPlays: playsShownPerAccount,
      heading: { ...account.account, arrAtRisk: arrOf(account), playCount: account.playCount },
      more: (hidden) => say.morePlays(hidden, account.account.name),
    });
    const separated = body.length ? [divider(), ...blocks] : blocks;
    if (body.length && body.length + separated.length > budget) break;
    body.push(...separated);
    playIndex += playsShown;
    end += 1;
  }
  const blocks: Block[] = [header(say.header(totalPlays, accounts.length)), context(say.order), ...body];
  blocks.push(...pageFooter(accounts, start, end));
  return { text: say.fallback(totalPlays, accounts.length), blocks };
}

/** Where this page sits among the accounts, and the buttons to the next page and back to the first. */
function pageFooter(accounts: readonly AccountPlays<PlaysListItem>[], start: number, end: number): Block[] {
  if (start === 0 && end === accounts.length) return [];
  const rest = accounts.slice(end);
  const restPlays = rest.reduce((sum, account) => sum + account.playCount, 0);
  const line =
    say.page(start + 1, end, accounts.length) + (rest.length ? say.rest(rest.length, restPlays) : "");
  const elements: ActionsBlock["elements"] = [];
  if (rest.length) elements.push(button(say.next, playsPageActions.next, String(end), "primary"));
  if (start > 0) elements.push(button(say.first, playsPageActions.first, "0"));
  return [context(line), { type: "actions", elements }];
}

function arrOf(account: AccountPlays<PlaysListItem>): string {
  return account.entries[0]?.play.arrAtRisk ?? "0";
}
