// The /plays reply: the caller's plays that are not closed, most urgent first, each with its buttons.

import { type Block, context, header, type MessagePayload, section } from "./blocks.ts";
import { type PlayItem, playBlocks } from "./play-blocks.ts";

export interface PlaysListItem extends PlayItem {
  account: { name: string };
  arrAtRisk: string;
}

// Two blocks a play; fifteen keep a message well inside Slack's fifty blocks and still readable.
export const playsShownInList = 15;

const say = {
  header: (count: number) => `Your open plays (${count})`,
  empty:
    "No open plays — nothing needs you right now. When an account's health calls for action, a play shows up here with an owner and a deadline.",
  order: "Most urgent first: overdue, then the most ARR at risk.",
  more: (count: number) => `+${count} more — work through these first, then run \`/plays\` again.`,
  fallback: (count: number) => (count === 1 ? "You have 1 open play" : `You have ${count} open plays`),
};

/** `plays` is already in urgency order (services/play-listing.ts listPlaysFor). */
export function playsList(plays: readonly PlaysListItem[], now: Date): MessagePayload {
  if (plays.length === 0) return { text: say.empty, blocks: [section(say.empty)] };
  const shown = plays.slice(0, playsShownInList);
  const blocks: Block[] = [header(say.header(plays.length)), context(say.order)];
  shown.forEach((play, index) => {
    blocks.push(...playBlocks(play, { index, surface: { kind: "plays" }, now }));
  });
  if (plays.length > shown.length) blocks.push(context(say.more(plays.length - shown.length)));
  return { text: say.fallback(plays.length), blocks };
}
