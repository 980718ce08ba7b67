// One play as Block Kit, wherever it is shown (the /plays list, the account card, later the digest): what it
// is, who has it and when it is due, and its buttons. Each button's value names the play and the surface to
// re-render after the click, so the clicked message can be updated in place for everyone who sees it; the
// Reassign menu (a users_select, which has no value) finds both in its actions block's block_id.

import type { OpenPlaySummary } from "../../domain/call-prep.ts";
import { formatMoney } from "../../domain/money.ts";
import { playKindLabel, snoozeDays } from "../../domain/plays/kinds.ts";
import { isOverdue } from "../../domain/plays/urgency.ts";
import {
  type ActionsBlock,
  type Block,
  button,
  type Option,
  plain,
  type SectionBlock,
  section,
} from "./blocks.ts";
import { dayCount, formatDay, inertText, userMention } from "./wording.ts";

/**
 * Where a play was clicked: the caller's /plays list (from the `offset`-th account on, when paged), or an
 * account card (shared in a channel or not).
 */
export type PlaySurface =
  | { kind: "plays"; offset?: number }
  | { kind: "account"; sharedBy?: string }
  /** A digest: a message in a channel that may be shared, left as it was sent; the clicker is answered privately. */
  | { kind: "digest" }
  /** The clicker's App Home: drawn again for them after the click. */
  | { kind: "home" };

export interface PlayItem extends OpenPlaySummary {
  /** Shown when the play is listed away from its account card. */
  account?: { name: string };
  /** Decimal string; shown next to the account name. */
  arrAtRisk?: string | null;
}

export interface PlayBlockOptions {
  /** Position of the play in the message: action ids must be unique across a whole message. */
  index: number;
  surface: PlaySurface;
  now: Date;
}

/** Action id prefixes; the clicked one is `<prefix>_<index>`. */
export const playActions = {
  claim: "play_claim",
  snooze: "play_snooze",
  reassign: "play_reassign",
  close: "play_close",
} as const;

/** Marks a play's actions block; the rest of its block_id is the play's action value. */
export const playBlockIdPrefix = "play:";

/** The surface in short keys, as buttons and the Close modal's metadata carry it. */
export interface SurfaceKeys {
  s: "plays" | "account" | "digest" | "home";
  /** Who shared the account card in the channel, so the re-rendered card still says so. */
  by?: string;
  /** The first account of a later page of /plays, so the re-rendered list stays on that page. */
  o?: number;
}

/** What a button carries, in short keys: Slack allows 150 characters in a select option's value. */
export interface PlayActionValue extends SurfaceKeys {
  p: string;
  /** Snooze days, on the snooze options only. */
  d?: number;
}

export function surfaceKeys(surface: PlaySurface): SurfaceKeys {
  if (surface.kind === "plays") return surface.offset ? { s: "plays", o: surface.offset } : { s: "plays" };
  if (surface.kind === "digest" || surface.kind === "home") return { s: surface.kind };
  return surface.sharedBy ? { s: "account", by: surface.sharedBy } : { s: "account" };
}

export function playActionValue(playId: string, surface: PlaySurface, days?: number): string {
  const value: PlayActionValue = { p: playId, ...surfaceKeys(surface) };
  if (days !== undefined) value.d = days;
  return JSON.stringify(value);
}

/**
 * The actions block's id: the play and surface, for the Reassign menu. Unique in a message (one block a
 * play) and at most 120 characters, well inside Slack's 255: play ids are at most 64 (parse/play-action.ts).
 */
export function playBlockId(playId: string, surface: PlaySurface): string {
  return `${playBlockIdPrefix}${playActionValue(playId, surface)}`;
}

export function playBlocks(play: PlayItem, options: PlayBlockOptions): [SectionBlock, ActionsBlock] {
  return [section(`${playTitle(play)}\n${playStatusLine(play, options.now)}`), playButtons(play, options)];
}

function playTitle(play: PlayItem): string {
  const kind = `*${inertText(playKindLabel(play.kind), 60)}*`;
  const reason = inertText(play.reason, 300);
  if (!play.account) return `${kind} — ${reason}`;
  const arr = play.arrAtRisk ? ` · ${formatMoney(play.arrAtRisk, { compact: true })} ARR` : "";
  return `${kind} · *${inertText(play.account.name, 80)}*${arr}\n${reason}`;
}

/** "claimed by @maria", "owner @maria"; null when nobody holds the play. */
export function playHolder(play: Pick<PlayItem, "claimedBySlackId" | "ownerSlackId">): string | null {
  if (play.claimedBySlackId) return `claimed by ${userMention(play.claimedBySlackId)}`;
  return play.ownerSlackId ? `owner ${userMention(play.ownerSlackId)}` : null;
}

/** "Snoozed until …", while the play sleeps; null otherwise. */
export function snoozedLine(play: Pick<PlayItem, "status" | "snoozedUntil" | "dueAt">): string | null {
  return play.status === "snoozed" ? `Snoozed until ${slackTime(play.snoozedUntil ?? play.dueAt)}` : null;
}

/** "Claimed by @maria · due tomorrow 10:00", "Unclaimed · owner @maria · due …", "Snoozed until …". */
export function playStatusLine(play: PlayItem, now: Date): string {
  const holder = playHolder(play);
  const until = snoozedLine(play);
  if (until) return holder ? `${until} · ${holder}` : until;
  const overdue = isOverdue(play.dueAt, now) ? " · ⚠️ overdue" : "";
  const due = `due ${slackTime(play.dueAt)}${overdue}`;
  if (play.claimedBySlackId) return `Claimed by ${userMention(play.claimedBySlackId)} · ${due}`;
  return holder ? `Unclaimed · ${holder} · ${due}` : `Unclaimed · ${due}`;
}

/** Claim (while nobody has), Snooze, Reassign and Close, for the play at `index` in the message. */
export function playButtons(
  play: Pick<PlayItem, "id" | "claimedBySlackId">,
  { index, surface }: Pick<PlayBlockOptions, "index" | "surface">,
): ActionsBlock {
  const value = playActionValue(play.id, surface);
  const snoozeOptions: Option[] = snoozeDays.map((days) => ({
    text: plain(dayCount(days)),
    value: playActionValue(play.id, surface, days),
  }));
  const elements: ActionsBlock["elements"] = [];
  if (!play.claimedBySlackId)
    elements.push(button("Claim", `${playActions.claim}_${index}`, value, "primary"));
  elements.push(
    {
      type: "static_select",
      action_id: `${playActions.snooze}_${index}`,
      placeholder: plain("Snooze…"),
      options: snoozeOptions,
    },
    {
      type: "users_select",
      action_id: `${playActions.reassign}_${index}`,
      placeholder: plain("Reassign…"),
    },
    button("Close…", `${playActions.close}_${index}`, value),
  );
  return { type: "actions", block_id: playBlockId(play.id, surface), elements };
}

/**
 * A time every reader sees in their own time zone ("tomorrow 10:00"), through Slack's date token;
 * clients that cannot render it show the UTC fallback.
 */
export function slackTime(date: Date): string {
  const unix = Math.floor(date.getTime() / 1000);
  const fallback = `${formatDay(date)} ${date.toISOString().slice(11, 16)} UTC`;
  return `<!date^${unix}^{date_short_pretty} {time}|${fallback}>`;
}

/** A short answer to one person (a refusal, a problem), sent ephemerally; the clicked message stays. */
export function playNotice(text: string): { text: string; blocks: Block[] } {
  return { text, blocks: [section(text)] };
}
