// The morning digest as Block Kit: most important first, within one message (50 blocks, 3,000
// characters a section). Accounts that moved, then red and yellow accounts with their plays and working
// buttons, then one compact section per list (renewals, overdue plays, dark sponsors, quiet onboarding,
// stale data), each cut with "+N more" where it would not fit. A quiet day is one line.
import type { DigestSections } from "../../domain/digest/content.ts";
import { formatArr } from "../../domain/money.ts";
import type { PlayEntry } from "../../domain/plays/account-groups.ts";
import { playKindLabel } from "../../domain/plays/kinds.ts";
import { accountPlaysBlocks } from "./account-plays.ts";
import { type Block, context, header, type MessagePayload, section } from "./blocks.ts";
import { bulletList } from "./bullet-list.ts";
import type { PlayItem } from "./play-blocks.ts";
import { shortRiskLine } from "./stakeholder-lines.ts";
import { bandBadge, commitLabel, inertText } from "./wording.ts";

/** What the view needs beyond the sections: whose digest, for which day, and the plays by account. */
export interface DigestView {
  /** The recipient's Slack id: a digest in a shared channel names whose book it is. */
  ownerSlackId: string;
  localDate: Date;
  now: Date;
  sections: DigestSections;
  /** The open plays of each red or yellow account, by account id, most urgent first. */
  playsByAccount: ReadonlyMap<string, PlayEntry<PlayItem>[]>;
}

const maxBlocks = 50;
/** Red and yellow accounts drawn with their plays; the rest of them are listed by name. */
const accountsWithPlays = 5;
const playsPerAccount = 3;

const say = {
  title: (date: Date) =>
    `Your book this morning · ${date.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" })}`,
  quiet: (accounts: number) =>
    accounts === 0
      ? "Nothing needs you today: no accounts in your book yet."
      : `Nothing needs you today: ${accounts === 1 ? "1 account" : `${accounts} accounts`}, all green or in hand.`,
  whose: (slackId: string) => `For <@${slackId}>`,
  moved: "*Moved since your last digest*",
  atRisk: "*Red and yellow*",
  alsoAtRisk: "Also red or yellow:",
  renewals: "*Renewals inside 90 days*",
  overdueRenewals: "*Renewal dates passed with no outcome recorded*",
  overduePlays: "*Plays overdue*",
  darkSponsors: "*Sponsors gone dark*",
  quietOnboarding: "*Onboarding with no recent touch*",
  staleData: "*Data gone stale*",
  mapGaps: "*Stakeholder maps*",
  morePlays: (n: number) => `+${n} more plays on this account in \`/plays\``,
  footer:
    "Everything in full: `/plays` for your plays, `/account <name>` for a card, the App Home for your book.",
  noPlay: "no open play: start one within 24 h",
};

export function digestMessage(view: DigestView): MessagePayload {
  const { sections } = view;
  if (isQuiet(sections)) {
    const text = say.quiet(sections.accounts);
    return { text, blocks: [section(`${text}\n${say.whose(view.ownerSlackId)}`)] };
  }
  const blocks: Block[] = [header(say.title(view.localDate)), context(summary(view))];
  const { moved, lists } = listSections(view);
  // What moved leads; the other lists come last but must fit: the accounts with plays get what they
  // leave, less the footer.
  blocks.push(...moved);
  const budget = maxBlocks - blocks.length - lists.length - 1;
  blocks.push(...atRiskBlocks(view, budget), ...lists, context(say.footer));
  return { text: fallbackText(view), blocks };
}

function isQuiet(s: DigestSections): boolean {
  return [
    s.bandChanges,
    s.atRisk,
    s.renewalsSoon,
    s.renewalsOverdue,
    s.overduePlays,
    s.darkSponsors,
    s.quietOnboarding,
    s.staleData,
    s.mapGaps,
  ].every((list) => list.length === 0);
}

function summary({ sections, ownerSlackId }: DigestView): string {
  const red = sections.atRisk.filter((a) => a.health?.band === "red").length;
  const yellow = sections.atRisk.length - red;
  const parts = [
    say.whose(ownerSlackId),
    `${sections.accounts} accounts`,
    `${red} red`,
    `${yellow} yellow`,
    `${sections.renewalsSoon.length} renewing inside 90 days`,
    `${sections.overduePlays.length} plays overdue`,
  ];
  return parts.join(" · ");
}

function fallbackText({ sections }: DigestView): string {
  const moved = sections.bandChanges.length;
  return `Your book this morning: ${sections.atRisk.length} red or yellow, ${moved} moved, ${sections.overduePlays.length} plays overdue`;
}

function atRiskBlocks(view: DigestView, budget: number): Block[] {
  const { atRisk } = view.sections;
  if (atRisk.length === 0) return [];
  const blocks: Block[] = [section(say.atRisk)];
  let firstIndex = 0;
  let drawn = 0;
  for (const account of atRisk.slice(0, accountsWithPlays)) {
    const entries = view.playsByAccount.get(account.id) ?? [];
    const reasons = (account.health?.reasons ?? []).slice(0, 3).map((r) => inertText(r, 150));
    const heading = `${bandBadge(account.health?.band ?? null)} · *${inertText(account.name, 80)}* · ${formatArr(account.arr, { compact: true })} ARR${reasons.length ? `\n${reasons.join("; ")}` : ""}`;
    const drawnPlays = accountPlaysBlocks(entries, {
      firstIndex,
      surface: { kind: "digest" },
      now: view.now,
      maxPlays: playsPerAccount,
      more: say.morePlays,
    });
    const accountBlocks = entries.length
      ? [section(heading), ...drawnPlays.blocks]
      : [section(`${heading}\n_${say.noPlay}_`)];
    // One more account only if it fits whole, and the "also" line still has room after it.
    if (blocks.length + accountBlocks.length + 1 > budget) break;
    blocks.push(...accountBlocks);
    firstIndex += drawnPlays.playsShown;
    drawn++;
  }
  const rest = atRisk.slice(drawn);
  if (rest.length) {
    const names = rest.map((a) => `${bandBadge(a.health?.band ?? null)} ${inertText(a.name, 60)}`);
    blocks.push(section(bulletList(say.alsoAtRisk, names)));
  }
  return blocks;
}

function listSections({ sections, now }: DigestView): { moved: Block[]; lists: Block[] } {
  const moved = sections.bandChanges.map(
    (c) =>
      `${bandBadge(c.to)} *${inertText(c.account.name, 80)}* ${c.from} → ${c.to}${c.moves.length ? `: ${c.moves.join(", ")}` : ""}`,
  );
  const lists: [string, string[]][] = [
    [
      say.renewals,
      sections.renewalsSoon.map(
        ({ account, daysLeft }) =>
          `*${inertText(account.name, 80)}* · ${daysLeft === 0 ? "today" : `${daysLeft} days`} · ${formatArr(account.arr, { compact: true })} · commit: ${commitLabel(account.renewalCommit)}`,
      ),
    ],
    [
      say.overdueRenewals,
      sections.renewalsOverdue.map(
        ({ account, daysPast }) =>
          `*${inertText(account.name, 80)}* · ${daysPast} days ago · record the outcome`,
      ),
    ],
    [
      say.overduePlays,
      sections.overduePlays.map(
        (play) =>
          `${playKindLabel(play.kind)} · *${inertText(play.account.name, 80)}* · due ${daysLate(play.dueAt, now)}`,
      ),
    ],
    [
      say.darkSponsors,
      sections.darkSponsors.map(
        ({ account, reason }) => `*${inertText(account.name, 80)}* · ${inertText(reason, 80)}`,
      ),
    ],
    [
      say.quietOnboarding,
      sections.quietOnboarding.map(
        ({ account, daysSinceTouch }) =>
          `*${inertText(account.name, 80)}* · ${daysSinceTouch === null ? "no touch logged yet" : `last touch ${daysSinceTouch} days ago`}`,
      ),
    ],
    [
      say.staleData,
      sections.staleData.map(
        ({ account, reasons }) =>
          `*${inertText(account.name, 80)}* · ${reasons.length ? reasons.map((r) => inertText(r, 80)).join("; ") : "not enough data"}`,
      ),
    ],
    [
      say.mapGaps,
      sections.mapGaps.map(
        ({ account, risks }) =>
          `*${inertText(account.name, 80)}* · ${risks.slice(0, 3).map(shortRiskLine).join("; ")}`,
      ),
    ],
  ];
  return {
    moved: moved.length ? [section(bulletList(say.moved, moved))] : [],
    lists: lists
      .filter(([, lines]) => lines.length > 0)
      .map(([title, lines]) => section(bulletList(title, lines))),
  };
}

function daysLate(dueAt: Date, now: Date): string {
  const days = Math.floor((now.getTime() - dueAt.getTime()) / 86_400_000);
  return days <= 0 ? "today" : days === 1 ? "1 day ago" : `${days} days ago`;
}
