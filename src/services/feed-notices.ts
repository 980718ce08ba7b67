// One notice to the admins when a whole feed goes quiet (no account got its data within the staleness
// window), and one when it is back: a dead export is the team's problem to fix once, not a data-gap
// play on every account. What was announced is kept as a setting, so each silence is told once,
// whichever bot process runs the daily re-score.
import type { DataAccess } from "../db/client.ts";
import { readSetting, writeSetting } from "../db/repositories/settings.ts";
import { slackIdsWithRole } from "../db/repositories/users.ts";
import type { SignalSubScoreName } from "../domain/health/config.ts";
import { feedOf } from "../domain/health/freshness.ts";
import { daysBetween } from "../domain/lifecycle.ts";
import type { Notifier } from "./ports.ts";

export interface SilentFeed {
  name: SignalSubScoreName;
  /** The newest day any account got this signal. */
  lastSent: Date;
}

const key = "feed-silence";
/** Feed → the ISO day its silence was announced. */
type Announced = Partial<Record<SignalSubScoreName, string>>;

export interface FeedNotices {
  announced: SignalSubScoreName[];
  recovered: SignalSubScoreName[];
}

export async function noticeSilentFeeds(
  db: DataAccess,
  notifier: Notifier,
  silent: readonly SilentFeed[],
  now: Date,
): Promise<FeedNotices> {
  const before = ((await readSetting(db.client, key)) ?? {}) as Announced;
  const announced = silent.filter((feed) => !before[feed.name]);
  const recovered = (Object.keys(before) as SignalSubScoreName[]).filter(
    (name) => !silent.some((feed) => feed.name === name),
  );
  if (announced.length === 0 && recovered.length === 0) return { announced: [], recovered: [] };

  const lines = [
    ...announced.map(
      (feed) =>
        `:warning: No ${feedOf(feed.name)} data has arrived for any account for ${daysBetween(feed.lastSent, now)} days (last on ${feed.lastSent.toISOString().slice(0, 10)}). Until it is back, health leaves it out and reads "not enough data" where it is missing; check the feed's export or integration.`,
    ),
    ...recovered.map((name) => `:white_check_mark: ${capitalized(feedOf(name))} data is arriving again.`),
  ];
  const text = lines.join("\n");
  for (const admin of await slackIdsWithRole(db.client, "admin")) {
    await notifier.postMessage({ channel: admin, text });
  }
  const after: Announced = {};
  for (const feed of silent) after[feed.name] = before[feed.name] ?? now.toISOString().slice(0, 10);
  await writeSetting(db.client, key, after, "system");
  return { announced: announced.map((feed) => feed.name), recovered };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
