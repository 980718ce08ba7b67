// The data-gap play: an account whose feeds stopped sending (or never sent) what the rest of the book
// gets. A whole feed going quiet is not one play per account: it is one notice to the admins (see
// `silentFeeds`), and no account opens a data-gap play for it.
import type { SignalSubScoreName } from "../health/config.ts";
import { feedOf, signalSubScoreNames, subScoreAge } from "../health/freshness.ts";
import { isFresh, type PlayRuleInput, type RuleOutcome } from "./rules.ts";
import { plural } from "./wording.ts";

export interface FeedStatus {
  /** Signals some account sent within the snapshots read: the team runs that feed. */
  inUse: ReadonlySet<SignalSubScoreName>;
  /** In use, but no account has a fresh value of it: the whole feed went quiet. */
  silent: ReadonlySet<SignalSubScoreName>;
}

interface Gap {
  name: SignalSubScoreName;
  /** Days since the signal was last sent; null when it never was (within the snapshots read). */
  days: number | null;
}

function gapsOf(input: PlayRuleInput, feeds: FeedStatus): Gap[] {
  return signalSubScoreNames.flatMap((name) => {
    if (!feeds.inUse.has(name) || feeds.silent.has(name) || isFresh(input, name)) return [];
    const days = input.latest
      ? subScoreAge({ latest: input.latest, asOf: input.asOf ?? {} }, name, input.today)
      : null;
    return [{ name, days }];
  });
}

const gapText = ({ name, days }: Gap) =>
  days === null ? `no ${feedOf(name)} data` : `no ${feedOf(name)} data for ${plural(days, "day")}`;

export function dataGapPlay(input: PlayRuleInput): RuleOutcome {
  const { feeds } = input;
  if (!feeds) {
    // A re-score of a few accounts does not know the feeds: it can only see a gap closed.
    return signalSubScoreNames.every((name) => isFresh(input, name)) ? "cleared" : "unknown";
  }
  const gaps = gapsOf(input, feeds);
  if (gaps.length === 0) return "cleared";
  const text = gaps.map(gapText).join("; ");
  return {
    kind: "data_gap",
    reason: `Data gap: ${text}`,
    trigger: { feeds: gaps.map((gap) => feedOf(gap.name)).join(", ") },
  };
}

/**
 * The feeds' status over the whole book: `lastSent` is, per signal, the newest day any account sent it
 * (absent when none did within the snapshots read).
 */
export function feedStatus(
  lastSent: Partial<Record<SignalSubScoreName, Date>>,
  today: Date,
  staleAfterDays: Record<SignalSubScoreName, number>,
): FeedStatus {
  const inUse = new Set<SignalSubScoreName>();
  const silent = new Set<SignalSubScoreName>();
  for (const name of signalSubScoreNames) {
    const last = lastSent[name];
    if (!last) continue;
    inUse.add(name);
    if ((today.getTime() - last.getTime()) / 86_400_000 > staleAfterDays[name]) silent.add(name);
  }
  return { inUse, silent };
}
