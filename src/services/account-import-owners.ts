// The owners of an import's accounts: resolved by Slack id or email (known users first, then Slack),
// added to the team when new, and their digest channels set from the file's column.

import type { AuditEntry } from "../db/repositories/audit.ts";
import type { Db } from "../db/repositories/types.ts";
import {
  findUsersByEmails,
  findUsersBySlackIds,
  setDigestChannel,
  upsertUser,
} from "../db/repositories/users.ts";
import type { AccountRow, CsvProblem, OwnerRef } from "../domain/accounts-csv.ts";
import type { Prisma, User } from "../generated/prisma/client.ts";
import type { SlackDirectory, SlackProfile } from "./ports.ts";

export const ownerKey = (ref: OwnerRef) =>
  ref.kind === "slack" ? `slack:${ref.id}` : `email:${ref.email.toLowerCase()}`;

export interface ResolvedOwner {
  user: User | null;
  profile: SlackProfile;
}

/** Looks every distinct owner up: first among known users, then in Slack. No writes. */
export async function resolveOwners(db: Db, directory: SlackDirectory | null, rows: AccountRow[]) {
  const firstLine = new Map<string, number[]>();
  const refs = new Map<string, OwnerRef>();
  for (const row of rows) {
    if (!row.owner) continue;
    const key = ownerKey(row.owner);
    refs.set(key, row.owner);
    const lines = firstLine.get(key);
    if (lines) lines.push(row.line);
    else firstLine.set(key, [row.line]);
  }
  const slackIds = [...refs.values()].flatMap((ref) => (ref.kind === "slack" ? [ref.id] : []));
  const emails = [...refs.values()].flatMap((ref) => (ref.kind === "email" ? [ref.email] : []));
  const bySlackId = new Map((await findUsersBySlackIds(db, slackIds)).map((u) => [u.slackUserId, u]));
  const byEmail = new Map((await findUsersByEmails(db, emails)).map((u) => [u.email?.toLowerCase(), u]));

  const resolved = new Map<string, ResolvedOwner>();
  const problems: CsvProblem[] = [];
  const unresolved = (key: string, reason: string) => {
    for (const line of firstLine.get(key) ?? []) problems.push({ line, column: "owner", reason });
  };
  const pending = [...refs.entries()];
  const worker = async () => {
    for (let next = pending.shift(); next; next = pending.shift()) {
      const [key, ref] = next;
      if (ref.kind === "slack") {
        const user = bySlackId.get(ref.id) ?? null;
        if (user) resolved.set(key, { user, profile: { ...profileOf(user) } });
        else if (!directory) resolved.set(key, { user: null, profile: bareProfile(ref.id) });
        else {
          const profile = await directory.userInfo(ref.id);
          if (!profile || profile.deleted)
            unresolved(key, `no active Slack user ${ref.id} in this workspace`);
          else resolved.set(key, { user: null, profile });
        }
      } else {
        const user = byEmail.get(ref.email.toLowerCase()) ?? null;
        if (user) resolved.set(key, { user, profile: profileOf(user) });
        else if (!directory)
          unresolved(
            key,
            `${ref.email} is not on the team yet; set SLACK_BOT_TOKEN so the import can look it up in Slack, or use the Slack user id`,
          );
        else {
          const profile = await directory.lookupByEmail(ref.email);
          if (!profile || profile.deleted) unresolved(key, `no Slack user has the email ${ref.email}`);
          else {
            // The same person may also appear by Slack id elsewhere in the file or in the database.
            const known =
              bySlackId.get(profile.slackUserId) ?? (await findUsersBySlackIds(db, [profile.slackUserId]))[0];
            resolved.set(key, { user: known ?? null, profile });
          }
        }
      }
    }
  };
  await Promise.all(Array.from({ length: 5 }, worker));
  problems.sort((a, b) => a.line - b.line);
  return { resolved, problems };
}

/** The digest channel column sets each owner's channel; a blank cell means a direct message. */
export async function applyDigestChannels(
  tx: Prisma.TransactionClient,
  rows: AccountRow[],
  owners: Map<string, ResolvedOwner>,
  ownerIds: Map<string, string>,
): Promise<AuditEntry[]> {
  const wanted = new Map<string, string | null>();
  for (const row of rows) {
    if (!row.owner || row.digestChannel === undefined) continue;
    wanted.set(ownerKey(row.owner), row.digestChannel);
  }
  const entries: AuditEntry[] = [];
  for (const [key, channel] of wanted) {
    const id = ownerIds.get(key);
    if (!id) continue;
    const before = owners.get(key)?.user?.digestChannelId ?? null;
    if (before === channel && owners.get(key)?.user) continue;
    await setDigestChannel(tx, id, channel);
    entries.push({
      action: "user.digest_channel",
      entityType: "User",
      entityId: id,
      changes: { digestChannelId: [before, channel] },
    });
  }
  return entries;
}

function profileOf(user: User): SlackProfile {
  return {
    slackUserId: user.slackUserId,
    email: user.email,
    name: user.name,
    timeZone: user.timeZone,
    isBot: false,
    deleted: false,
  };
}

function bareProfile(slackUserId: string): SlackProfile {
  return { slackUserId, email: null, name: null, timeZone: null, isBot: false, deleted: false };
}

/** Adds the owners the team does not have yet; returns every owner's User.id by owner key. */
export async function addOwners(tx: Prisma.TransactionClient, owners: Map<string, ResolvedOwner>) {
  const ids = new Map<string, string>();
  let added = 0;
  for (const [key, owner] of owners) {
    if (owner.user) ids.set(key, owner.user.id);
    else {
      ids.set(key, (await upsertUser(tx, owner.profile)).id);
      added++;
    }
  }
  return { ids, added };
}
