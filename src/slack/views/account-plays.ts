// One account's plays as Block Kit, wherever they are shown by account (/plays, the account card, the
// daily digest): its band and ARR at stake once, then its plays most urgent first, each a compact line
// with its buttons. An open save play carries the account's other signal plays as its checklist: lines
// under it, each with its buttons, but without deadlines of their own; the save play's deadline is theirs.

import { formatArr } from "../../domain/money.ts";
import type { PlayEntry } from "../../domain/plays/account-groups.ts";
import { playKindLabel } from "../../domain/plays/kinds.ts";
import { type Block, context, section } from "./blocks.ts";
import {
  type PlayItem,
  type PlaySurface,
  playButtons,
  playHolder,
  playStatusLine,
  snoozedLine,
} from "./play-blocks.ts";
import { bandBadge, inertText } from "./wording.ts";

/** The account line above its plays, where plays of several accounts share a message. */
export interface AccountPlaysHeading {
  name: string;
  band: string | null;
  /** Decimal string: the account's ARR. */
  arrAtRisk: string | null;
  playCount: number;
}

export interface AccountPlaysOptions {
  /** Index of the account's first play in the message: action ids must be unique across a whole message. */
  firstIndex: number;
  surface: PlaySurface;
  now: Date;
  /** Plays shown at most, checklist steps included; the rest are counted in `more`. */
  maxPlays: number;
  heading?: AccountPlaysHeading;
  /** The line under the plays when some are left out. */
  more: (hidden: number) => string;
}

export interface AccountPlaysBlocks {
  blocks: Block[];
  /** How many plays got buttons: the next account's first index is `firstIndex + playsShown`. */
  playsShown: number;
}

const say = {
  heading: ({ name, band, arrAtRisk, playCount }: AccountPlaysHeading) =>
    `${bandBadge(band)} · *${inertText(name, 80)}* · ${formatArr(arrAtRisk, { compact: true })} ARR at stake · ${playCount === 1 ? "1 play" : `${playCount} plays`}`,
  checklist: (steps: number) =>
    `_Save plan checklist: ${steps === 1 ? "1 step" : `${steps} steps`} below, due with this play_`,
  unheld: "unclaimed",
};

type Line = { play: PlayItem; step: boolean };

export function accountPlaysBlocks(
  entries: readonly PlayEntry<PlayItem>[],
  options: AccountPlaysOptions,
): AccountPlaysBlocks {
  const lines: Line[] = entries.flatMap((entry) => [
    { play: entry.play, step: false },
    ...entry.checklist.map((play) => ({ play, step: true })),
  ]);
  const shown = lines.slice(0, options.maxPlays);
  const checklistOf = new Map(entries.map((entry) => [entry.play.id, entry.checklist.length]));
  const blocks: Block[] = [];
  shown.forEach((line, position) => {
    const text = line.step
      ? stepText(line.play)
      : leadText(line.play, checklistOf.get(line.play.id) ?? 0, options.now);
    const heading = position === 0 && options.heading ? `${say.heading(options.heading)}\n` : "";
    blocks.push(
      section(`${heading}${text}`),
      playButtons(line.play, { index: options.firstIndex + position, surface: options.surface }),
    );
  });
  if (lines.length > shown.length) blocks.push(context(options.more(lines.length - shown.length)));
  return { blocks, playsShown: shown.length };
}

/** "*Save play* — Health red: 34", its status and due time, and how many steps its checklist has. */
function leadText(play: PlayItem, steps: number, now: Date): string {
  const lines = [`${title(play)}`, playStatusLine(play, now)];
  if (steps > 0) lines.push(say.checklist(steps));
  return lines.join("\n");
}

/** "↳ *Billing check* — Invoice 12 days overdue · claimed by @alex": no due time of its own. */
function stepText(play: PlayItem): string {
  const state = [snoozedLine(play), playHolder(play) ?? say.unheld].filter(Boolean).join(" · ");
  return `↳ ${title(play)} · ${state}`;
}

function title(play: PlayItem): string {
  return `*${inertText(playKindLabel(play.kind), 60)}* — ${inertText(play.reason, 300)}`;
}
