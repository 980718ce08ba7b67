// The audit log: who changed what, from where. Every data-changing request writes here.
import type { Prisma } from "../../generated/prisma/client.ts";
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

export async function recordAudit(db: Db, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.auditLog.createMany({ data: auditRows(actor, entries) });
}

export function auditTrail(db: Db, entityType: string, entityId: string) {
  return db.auditLog.findMany({ where: { entityType, entityId }, orderBy: { createdAt: "asc" } });
}
