// `csm import accounts`: loads a CRM export into the book. The file is validated whole first
// (parse, then owner resolution through Slack); only a clean file is written, in one transaction.
// A re-import of the same file writes nothing.

import { randomUUID } from "node:crypto";
import {
  createAccounts,
  createArrMovements,
  findAccountsByExternalIds,
  updateAccount,
} from "../db/repositories/accounts.ts";
import { type Actor, type AuditEntry, recordAudit } from "../db/repositories/audit.ts";
import { vacuumAnalyze } from "../db/repositories/maintenance.ts";
import {
  findUsersByEmails,
  findUsersBySlackIds,
  setDigestChannel,
  upsertUser,
} from "../db/repositories/users.ts";
import type { AccountRow, CsvProblem, OwnerRef } from "../domain/accounts-csv.ts";
import { centsOf, fromCents } from "../domain/money.ts";
import { searchKey } from "../domain/search-text.ts";
import type { Account, Prisma, PrismaClient, User } from "../generated/prisma/client.ts";
import type { Clock, SlackDirectory, SlackProfile } from "./ports.ts";

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  ownersAdded: number;
  arrMovements: number;
}

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; problems: CsvProblem[] };

export interface ImportDeps {
  prisma: PrismaClient;
  directory: SlackDirectory | null;
  clock: Clock;
  actor: Actor;
  onProgress?: (done: number, total: number) => void;
}

// Rows read, compared and written at a time. 500, not 2,000: each chunk's statements, parameters and
// audit rows are garbage once written, and with fewer of them in flight a 20,000-row import peaked at
// 262-266 MB instead of 286-293 MB (measured interleaved, three runs each), in about the same time.
const chunkSize = 500;
const ownerKey = (ref: OwnerRef) =>
  ref.kind === "slack" ? `slack:${ref.id}` : `email:${ref.email.toLowerCase()}`;

export interface ParsedAccounts {
  rows: AccountRow[];
  problems: CsvProblem[];
  columns: string[];
}

/** Validates owners too (through Slack), so one run reports every problem of the file. */
export async function importAccounts(deps: ImportDeps, parsed: ParsedAccounts): Promise<ImportResult> {
  const { rows, columns } = parsed;
  const owners = await resolveOwners(deps, rows);
  const problems = [...parsed.problems, ...owners.problems].sort((a, b) => a.line - b.line);
  if (problems.length) return { ok: false, problems };

  const today = utcToday(deps.clock());
  // Read before the transaction, while the import has written nothing: looked up inside it, between the
  // chunk writes, the lookups made a 4 s import on PostgreSQL take 117 s.
  const existing = new Map<string, Account>();
  for (const chunk of chunks(rows, chunkSize)) {
    const found = await findAccountsByExternalIds(
      deps.prisma,
      chunk.map((row) => row.externalId),
    );
    for (const account of found) existing.set(account.externalId, account);
  }
  const summary: ImportSummary = {
    rows: rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    ownersAdded: 0,
    arrMovements: 0,
  };
  const has = new Set(columns);
  await deps.prisma.$transaction(
    async (tx) => {
      const ownerIds = new Map<string, string>();
      for (const [key, owner] of owners.resolved) {
        if (owner.user) ownerIds.set(key, owner.user.id);
        else {
          const created = await upsertUser(tx, owner.profile);
          ownerIds.set(key, created.id);
          summary.ownersAdded++;
        }
      }
      if (has.has("digest_channel"))
        await recordAudit(tx, deps.actor, await applyDigestChannels(tx, rows, owners.resolved, ownerIds));

      // A chunk at a time, compared and written before the next: the process holds one chunk's
      // inserts and audit rows, not the whole book's, and each statement stays small
      // (PGlite's WebAssembly memory grows to fit its largest statement and never shrinks).
      let done = 0;
      for (const chunk of chunks(rows, chunkSize)) {
        const creates: (Prisma.AccountCreateManyInput & { id: string })[] = [];
        const movements: Prisma.ArrMovementCreateManyInput[] = [];
        const audit: AuditEntry[] = [];
        for (const row of chunk) {
          const ownerId = row.owner ? (ownerIds.get(ownerKey(row.owner)) ?? null) : null;
          const current = existing.get(row.externalId);
          if (!current) {
            const id = randomUUID();
            const arr = row.arr ?? "0.00";
            creates.push({ id, ...accountFields(row, has, ownerId), arr });
            if (centsOf(arr) > 0n) {
              movements.push(movement(id, "new", arr, arr, row.contractStart ?? today));
            }
            audit.push({
              action: "account.create",
              entityType: "Account",
              entityId: id,
              changes: { externalId: row.externalId, name: row.name, arr },
            });
            summary.created++;
          } else {
            const changes = accountChanges(current, row, has, ownerId);
            if (Object.keys(changes.data).length === 0) summary.unchanged++;
            else {
              await updateAccount(tx, current.id, changes.data);
              audit.push({
                action: "account.update",
                entityType: "Account",
                entityId: current.id,
                changes: changes.diff,
              });
              if (changes.arrDelta !== 0n) {
                const kind = changes.arrDelta > 0n ? "expansion" : "contraction";
                const abs = changes.arrDelta > 0n ? changes.arrDelta : -changes.arrDelta;
                movements.push(movement(current.id, kind, fromCents(abs), String(changes.data.arr), today));
              }
              summary.updated++;
            }
          }
          if (++done % 500 === 0) deps.onProgress?.(done, rows.length);
        }
        await createAccounts(tx, creates, deps.clock());
        await createArrMovements(tx, movements);
        await recordAudit(tx, deps.actor, audit);
        summary.arrMovements += movements.length;
      }
      deps.onProgress?.(rows.length, rows.length);
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
  // New and renamed accounts sit in the search index's pending list until it is merged.
  if (summary.created || summary.updated) await vacuumAnalyze(deps.prisma, ["Account", "ArrMovement"]);
  return { ok: true, summary };
}

function accountFields(row: AccountRow, has: Set<string>, ownerId: string | null) {
  return {
    externalId: row.externalId,
    name: row.name,
    searchName: searchKey(row.name),
    ...(has.has("owner") ? { ownerId } : {}),
    ...(has.has("segment") ? { segment: row.segment } : {}),
    ...(has.has("contract_start") ? { contractStart: row.contractStart } : {}),
    ...(has.has("renewal_date") ? { renewalDate: row.renewalDate } : {}),
    ...(has.has("stage") ? { stage: row.stage } : {}),
    ...(has.has("plan") ? { plan: row.plan } : {}),
    ...(has.has("seats_purchased") ? { seatsPurchased: row.seatsPurchased } : {}),
  };
}

/** Only the columns the file carries are compared; a blank ARR cell keeps the stored ARR. */
function accountChanges(current: Account, row: AccountRow, has: Set<string>, ownerId: string | null) {
  const wanted: Record<string, unknown> = accountFields(row, has, ownerId);
  const data: Record<string, unknown> = {};
  const diff: Record<string, [unknown, unknown]> = {};
  for (const [field, value] of Object.entries(wanted)) {
    const before = (current as unknown as Record<string, unknown>)[field];
    if (!sameValue(before, value)) {
      data[field] = value;
      diff[field] = [before ?? null, value ?? null];
    }
  }
  let arrDelta = 0n;
  if (row.arr !== null) {
    const before = centsOf(current.arr.toFixed(2));
    const after = centsOf(row.arr);
    if (before !== after) {
      data.arr = row.arr;
      diff.arr = [current.arr.toFixed(2), row.arr];
      arrDelta = after - before;
    }
  }
  return { data: data as Prisma.AccountUncheckedUpdateInput, diff: diff as Prisma.InputJsonValue, arrDelta };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a == null && b == null;
  }
  return (a ?? null) === (b ?? null);
}

function movement(
  accountId: string,
  kind: "new" | "expansion" | "contraction",
  amount: string,
  arrAfter: string,
  effectiveDate: Date,
): Prisma.ArrMovementCreateManyInput {
  return { id: randomUUID(), accountId, kind, amount, arrAfter, effectiveDate, source: "accounts_import" };
}

interface ResolvedOwner {
  user: User | null;
  profile: SlackProfile;
}

/** Looks every distinct owner up: first among known users, then in Slack. No writes. */
async function resolveOwners(deps: ImportDeps, rows: AccountRow[]) {
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
  const bySlackId = new Map(
    (await findUsersBySlackIds(deps.prisma, slackIds)).map((u) => [u.slackUserId, u]),
  );
  const byEmail = new Map(
    (await findUsersByEmails(deps.prisma, emails)).map((u) => [u.email?.toLowerCase(), u]),
  );

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
        else if (!deps.directory) resolved.set(key, { user: null, profile: bareProfile(ref.id) });
        else {
          const profile = await deps.directory.userInfo(ref.id);
          if (!profile || profile.deleted)
            unresolved(key, `no active Slack user ${ref.id} in this workspace`);
          else resolved.set(key, { user: null, profile });
        }
      } else {
        const user = byEmail.get(ref.email.toLowerCase()) ?? null;
        if (user) resolved.set(key, { user, profile: profileOf(user) });
        else if (!deps.directory)
          unresolved(
            key,
            `${ref.email} is not on the team yet; set SLACK_BOT_TOKEN so the import can look it up in Slack, or use the Slack user id`,
          );
        else {
          const profile = await deps.directory.lookupByEmail(ref.email);
          if (!profile || profile.deleted) unresolved(key, `no Slack user has the email ${ref.email}`);
          else {
            // The same person may also appear by Slack id elsewhere in the file or in the database.
            const known =
              bySlackId.get(profile.slackUserId) ??
              (await findUsersBySlackIds(deps.prisma, [profile.slackUserId]))[0];
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
async function applyDigestChannels(
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

function utcToday(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
