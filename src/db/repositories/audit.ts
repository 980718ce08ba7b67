// The audit log: who changed what, from where. Every data-changing request writes here.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client.ts";
import { type BulkColumn, bulkInsert } from "../bulk-insert.ts";
import type { Db } from "./types.ts";

export interface Actor {
  /** Our User.id when the actor is a known person. */
  userId: string | null;
  /** Slack user id, "cli:<os user>" or "system". */
  label: string;
  source: "slack" | "cli" | "http" | "job";
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  changes?: Prisma.InputJsonValue;
}

export function auditRows(actor: Actor, entries: AuditEntry[]): Prisma.AuditLogCreateManyInput[] {
  return entries.map((entry) => ({
    actorId: actor.userId,
    actorLabel: actor.label,
    source: actor.source,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    ...(entry.changes === undefined ? {} : { changes: entry.changes }),
  }));
}

const auditColumns: BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "actorId", type: "text" },
  { name: "actorLabel", type: "text" },
  { name: "source", type: "text" },
  { name: "action", type: "text" },
  { name: "entityType", type: "text" },
  { name: "entityId", type: "text" },
  { name: "changes", type: "jsonb" },
];

export async function recordAudit(db: Db, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await bulkInsert(
    db,
    "AuditLog",
    auditColumns,
    auditRows(actor, entries).map((row) => ({ id: randomUUID(), ...row })),
  );
}

export interface AuditFilter {
  since?: Date;
  /** A Slack user id: what they did, what was refused them, and changes to their row. */
  slackUserId?: string;
  limit: number;
}

/** The newest `limit` rows matching, oldest first. */
export async function listAudit(db: Db, filter: AuditFilter) {
  const who = filter.slackUserId;
  const user = who ? await db.user.findUnique({ where: { slackUserId: who }, select: { id: true } }) : null;
  const aboutThem = [
    { actorLabel: who },
    { actor: { slackUserId: who } },
    { entityId: who },
    ...(user ? [{ entityType: "User", entityId: user.id }] : []),
  ];
  const rows = await db.auditLog.findMany({
    where: {
      ...(filter.since ? { createdAt: { gte: filter.since } } : {}),
      ...(who ? { OR: aboutThem } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.limit,
  });
  return rows.reverse();
}
