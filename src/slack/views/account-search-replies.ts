// Replies to `/account <query>` when there is no single card to show: a pick list, a miss, a bad query.
// The query is echoed in plain_text blocks, where Slack renders no mentions, links or formatting,
// and the notification text does not repeat it.

import { formatArr } from "../../domain/money.ts";
import { type AccountQueryProblem, maxQueryLength } from "../../domain/search-text.ts";
import {
  type Block,
  button,
  type ContextBlock,
  context,
  escapeMrkdwn,
  type MessagePayload,
  type SectionBlock,
  section,
  truncate,
} from "./blocks.ts";
import { inertText, userMention } from "./wording.ts";

export interface AccountMatch {
  id: string;
  externalId: string;
  name: string;
  ownerSlackId: string | null;
  /** Decimal string, "120000.00". */
  arr: string | null;
}

/** Row i of the pick list carries action id `account_open_${i}`: Slack wants them unique per message. */
export const openAccountActionPrefix = "account_open_";
const matchesShown = 10;

const usage = "/account <name or CRM id>";
const say = {
  matches: (count: number, query: string) =>
    `${count} ${count === 1 ? "account matches" : "accounts match"} ${query}`,
  narrow: (shown: number, total: number) =>
    `Showing ${shown} of ${total}. Type more of the name, or the CRM id, to narrow it down.`,
  noMatch: (query: string) => `No account matches ${query}.`,
  corrected: (corrected: string) => `Includes names with ${corrected}: some words you typed look misspelt.`,
  closest: (names: string) => `Closest: ${names}`,
  howToSearch: `Search by account name (a part is enough) or CRM id: \`${escapeMrkdwn(usage)}\`, e.g. \`/account acme\` or \`/account 0015g00000XyZ01\`.`,
  open: "Open",
  unassigned: "Unassigned",
  problems: {
    empty: "Which account? Type its name or CRM id after the command.",
    too_long: `That search is too long: keep it under ${maxQueryLength} characters. A part of the name is enough.`,
    unsupported: "That does not look like an account name: mentions, channels and links cannot be searched.",
    control_character:
      "That search holds an invisible control character (perhaps pasted along with the name): type the name again.",
  },
  usage: `Usage: \`${escapeMrkdwn(usage)}\``,
};

/** `correctedQuery`: the query with its misspelt words corrected, when the matches were found with it. */
export function accountPickList(
  query: string,
  matches: AccountMatch[],
  correctedQuery: string | null = null,
): MessagePayload {
  if (matches.length === 0) return noAccountFound(query, []);
  const shown = matches.slice(0, matchesShown);
  const blocks: Block[] = [plainSection(say.matches(matches.length, echo(query)))];
  if (correctedQuery) blocks.push(plainContext(say.corrected(echo(correctedQuery))));
  blocks.push(...shown.map(matchRow));
  if (matches.length > shown.length) blocks.push(context(say.narrow(shown.length, matches.length)));
  return { text: say.matches(matches.length, "your search"), blocks };
}

function matchRow(match: AccountMatch, index: number): SectionBlock {
  const owner = match.ownerSlackId ? userMention(match.ownerSlackId) : say.unassigned;
  const facts = [
    owner,
    `${formatArr(match.arr, { compact: true })} ARR`,
    `CRM id ${inertText(match.externalId, 60)}`,
  ];
  return {
    ...section(`*${inertText(match.name, 150)}*\n${facts.join(" · ")}`),
    accessory: button(say.open, `${openAccountActionPrefix}${index}`, match.id),
  };
}

export function noAccountFound(query: string, closestNames: string[]): MessagePayload {
  const blocks: Block[] = [plainSection(say.noMatch(echo(query)))];
  const closest = closestNames.slice(0, 5).map((name) => inertText(name, 80));
  if (closest.length) blocks.push(section(say.closest(closest.join(", "))));
  blocks.push(context(say.howToSearch));
  return { text: say.noMatch("your search"), blocks };
}

export function accountQueryProblem(problem: AccountQueryProblem): MessagePayload {
  const message = say.problems[problem];
  return { text: message, blocks: [section(message), context(say.usage)] };
}

/** The query as the CSM typed it, quoted, on one line and short enough to read back. */
function echo(query: string): string {
  return `“${truncate(query.replace(/\s+/g, " ").trim(), 60)}”`;
}

function plainContext(text: string): ContextBlock {
  return { type: "context", elements: [{ type: "plain_text", text, emoji: false }] };
}

function plainSection(text: string): SectionBlock {
  return { type: "section", text: { type: "plain_text", text, emoji: false } };
}
