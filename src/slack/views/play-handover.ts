// The direct message someone gets when a teammate hands them a play through the Reassign menu: which play,
// on which account, from whom and when it is due, with the play's buttons so they can work it from there.
// A click re-renders the DM as the account's card: the play in the context of its account.

import { playKindLabel } from "../../domain/plays/kinds.ts";
import { type MessagePayload, section } from "./blocks.ts";
import { type PlayItem, playBlocks, slackTime } from "./play-blocks.ts";
import { inertText, userMention } from "./wording.ts";

export interface PlayHandoverOptions {
  /** Who reassigned the play. */
  bySlackId: string;
  now: Date;
}

const say = {
  intro: (by: string, account: string) => `${by} handed you a play on *${account}*. It is yours now:`,
  fallback: (by: string, kind: string, account: string, due: string) =>
    `${by} handed you a play on ${account}: ${kind}, due ${due}`,
};

export function playHandover(
  play: PlayItem & { account: { name: string } },
  { bySlackId, now }: PlayHandoverOptions,
): MessagePayload {
  const by = userMention(bySlackId);
  const account = inertText(play.account.name, 80);
  const kind = inertText(playKindLabel(play.kind), 60);
  return {
    text: say.fallback(by, kind, account, slackTime(play.dueAt)),
    blocks: [
      section(say.intro(by, account)),
      ...playBlocks(play, { index: 0, surface: { kind: "account" }, now }),
    ],
  };
}
