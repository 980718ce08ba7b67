// Sends the morning digests: who is due (their local time on a working day, or everyone named in an
// explicit run), a claim on the day's digest row so that each goes out once across restarts and
// processes, the content, and the delivery with its fallback. node-cron ticks; the database decides.
import type { DataAccess } from "../db/client.ts";
import {
  type DigestUserRow,
  digestUsers,
  recordSlackTimeZone,
  teamDigestUsers,
} from "../db/repositories/digest-recipients.ts";
import {
  claimDigest,
  type DigestKind,
  type DigestOutcome,
  finishDigest,
} from "../db/repositories/digests.ts";
import { digestDue, localMoment, zoneOf } from "../domain/digest/schedule.ts";
import { sendOrder } from "../domain/digest/send-order.ts";
import { deliver } from "./delivery.ts";
import { type DigestContent, type DigestRecipient, digestContents } from "./digest-content.ts";
import { loadHealthConfig } from "./health-settings.ts";
import type { Notifier, SlackDirectory, SlackMessage } from "./ports.ts";
import { type TeamDigestContent, teamDigestContents } from "./team-digest-content.ts";

export interface DigestRunDeps {
  db: DataAccess;
  notifier: Notifier | null;
  directory: SlackDirectory | null;
  /** The contents as Slack messages (src/slack/surfaces/digest.ts). */
  render: DigestRenderers;
}

export interface DigestRenderers {
  csm: (content: DigestContent, now: Date) => SlackMessage;
  /** Null when there is nothing to tell (an admin with no team and nothing undelivered). */
  team: (content: TeamDigestContent, now: Date) => SlackMessage | null;
}

export interface DigestRunOptions {
  /** An operator's run: no working days or local times, everyone (or `slackUserIds`) now. */
  explicit?: boolean;
  slackUserIds?: readonly string[];
  /** The local date to build for, in an explicit run; default each person's local today. */
  date?: Date;
  /** Build and report, write and post nothing. */
  dryRun?: boolean;
  /** Send again a digest already sent for the date. */
  force?: boolean;
}

export type DigestResultStatus = "sent" | "skipped" | "failed" | "built";

export interface DigestResult {
  kind: DigestKind;
  slackUserId: string;
  localDate: Date;
  status: DigestResultStatus;
  channel: string | null;
  /** Why it was skipped or failed; for a sent one, a fallback taken. */
  detail: string | null;
  /** The message, for a dry run. */
  message?: SlackMessage;
}

/** Slack profiles are read again after this long: a person who moved gets the digest at their new 08:30. */
const profileRefreshMs = 24 * 3_600_000;

/** Each person's own digest, then each manager's team digest: both kinds, once per person and date. */
export async function runDigests(
  deps: DigestRunDeps,
  now: Date,
  options: DigestRunOptions = {},
): Promise<DigestResult[]> {
  const { db } = deps;
  const [own, team] = await Promise.all([
    digestUsers(db.client, options.slackUserIds),
    teamDigestUsers(db.client, options.slackUserIds),
  ]);
  const config = await loadHealthConfig(db.client);
  const results = [
    ...(await runKind(deps, now, options, "csm", own, async (recipients) => {
      const contents = await digestContents(db.client, recipients, now, config);
      return contents.map((content) => () => deps.render.csm(content, now));
    })),
    ...(await runKind(deps, now, options, "team", team, async (recipients) => {
      const admins = new Set(team.filter((user) => user.role === "admin").map((user) => user.id));
      const withRoles = recipients.map((r) => ({ ...r, isAdmin: admins.has(r.userId) }));
      const contents = await teamDigestContents(db.client, withRoles, now);
      return contents.map((content) => () => deps.render.team(content, now));
    })),
  ];
  return results.sort((a, b) => a.slackUserId.localeCompare(b.slackUserId) || a.kind.localeCompare(b.kind));
}

async function runKind(
  deps: DigestRunDeps,
  now: Date,
  options: DigestRunOptions,
  kind: DigestKind,
  users: DigestUserRow[],
  /** Each recipient's message, drawn when it is about to go (null: nothing to tell). */
  build: (recipients: DigestRecipient[]) => Promise<(() => SlackMessage | null)[]>,
): Promise<DigestResult[]> {
  const results: DigestResult[] = [];
  const due: { user: DigestUserRow; recipient: DigestRecipient; claim: string | null }[] = [];
  for (const user of users) {
    const gone = await refreshProfile(deps, user, now);
    const localDate = options.date ?? localMoment(now, zoneOf(user)).localDate;
    if (!options.explicit && !digestDue(user, now).due) continue;
    const recipient = { userId: user.id, slackUserId: user.slackUserId, localDate };
    if (options.dryRun) {
      due.push({ user, recipient, claim: null });
      continue;
    }
    const claim = await claimDigest(deps.db.client, { userId: user.id, kind, localDate }, now, options.force);
    if (!claim) {
      if (options.explicit)
        results.push(result(kind, recipient, "skipped", null, "already sent for this date"));
      continue;
    }
    if (gone) {
      await finish(deps, claim, { status: "skipped", channel: null, ts: null, error: gone }, now);
      results.push(result(kind, recipient, "skipped", null, gone));
      continue;
    }
    due.push({ user, recipient, claim });
  }
  if (due.length === 0) return results;

  // Built a few people at a time, each batch handed to the Notifier before the next is built: the
  // bot's one thread answers lookups between batches instead of waiting behind the whole build, and the
  // first messages leave while the rest are still being built. Every message goes to the Notifier as
  // soon as it is built, and its channel's queue sets its pace: a cap on the messages in flight would
  // let the first channels' messages, waiting their turn, hold every place while later channels wait.
  const sends: Promise<void>[] = [];
  const ordered = sendOrder(due, (item) => item.user.digestChannelId ?? item.user.slackUserId);
  const batchSize = options.explicit ? explicitBatchSize : scheduledBatchSize;
  for (let start = 0; start < ordered.length; start += batchSize) {
    const batch = ordered.slice(start, start + batchSize);
    const drawers = await build(batch.map((d) => d.recipient));
    for (const [i, item] of batch.entries()) {
      // One message drawn per turn of the event loop: what waits (a lookup) is served in between.
      await new Promise((resolve) => setImmediate(resolve));
      const message = (drawers[i] ?? noMessage)();
      sends.push(deliverOne(deps, kind, item, message, now, results));
    }
  }
  await Promise.all(sends);
  return results;
}

/**
 * People whose digests are read and composed together. The bot's own schedule takes few at a time: a
 * lookup waits behind a batch's queries and composing, and Slack's pace of a message a second per
 * channel, not the build, sets when the send ends. An operator's run (the CLI, a process of its own)
 * takes more and finishes sooner. Each message is then drawn in a turn of the event loop of its own.
 */
const scheduledBatchSize = 4;
const explicitBatchSize = 10;
const noMessage = () => null;

async function deliverOne(
  deps: DigestRunDeps,
  kind: DigestKind,
  { user, recipient, claim }: { user: DigestUserRow; recipient: DigestRecipient; claim: string | null },
  message: SlackMessage | null,
  now: Date,
  results: DigestResult[],
): Promise<void> {
  if (!message) {
    const nothing = "nothing to report";
    if (claim) await finish(deps, claim, { status: "skipped", channel: null, ts: null, error: nothing }, now);
    results.push(result(kind, recipient, "skipped", null, nothing));
    return;
  }
  if (!claim) {
    const channel = user.digestChannelId ?? user.slackUserId;
    results.push({ ...result(kind, recipient, "built", channel, null), message });
    return;
  }
  const outcome = await send(deps, user, message);
  await finish(deps, claim, outcome, now);
  results.push(result(kind, recipient, outcome.status, outcome.channel, outcome.error));
}

function result(
  kind: DigestKind,
  recipient: DigestRecipient,
  status: DigestResultStatus,
  channel: string | null,
  detail: string | null,
): DigestResult {
  return {
    kind,
    slackUserId: recipient.slackUserId,
    localDate: recipient.localDate,
    status,
    channel,
    detail,
  };
}

async function send(deps: DigestRunDeps, user: DigestUserRow, message: SlackMessage): Promise<DigestOutcome> {
  if (!deps.notifier)
    return { status: "failed", channel: null, ts: null, error: "no Slack token: nothing can be posted" };
  const delivered = await deliver(
    deps.notifier,
    { ...message, channel: user.digestChannelId ?? user.slackUserId },
    user.slackUserId,
  );
  return {
    status: delivered.ok ? "sent" : "failed",
    channel: delivered.channel,
    ts: delivered.ts,
    error: delivered.problem,
  };
}

function finish(deps: DigestRunDeps, id: string, outcome: DigestOutcome, now: Date) {
  return finishDigest(deps.db.client, id, outcome, now);
}

/**
 * Reads the person's Slack profile once a day for their time zone. Returns why no digest can go to them
 * (deactivated in Slack), or null.
 */
async function refreshProfile(deps: DigestRunDeps, user: DigestUserRow, now: Date): Promise<string | null> {
  if (!deps.directory) return null;
  if (user.timeZoneCheckedAt && now.getTime() - user.timeZoneCheckedAt.getTime() < profileRefreshMs)
    return null;
  const profile = await deps.directory.userInfo(user.slackUserId);
  if (!profile) return "not found in Slack";
  await recordSlackTimeZone(deps.db.client, user.id, profile.timeZone, now);
  if (profile.timeZone) user.timeZone = profile.timeZone;
  user.timeZoneCheckedAt = now;
  return profile.deleted ? "deactivated in Slack" : null;
}
