import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkExecute } from "../../src/db/bulk-insert.ts";
import { recordAudit } from "../../src/db/repositories/audit.ts";
import { replaceScores } from "../../src/db/repositories/health.ts";
import { Prisma } from "../../src/generated/prisma/client.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../helpers/database.ts";
import { anAccount } from "../helpers/factories.ts";

// Bulk writes send each column as one array literal: whatever a CSM or a CRM puts in a text must come
// back exactly as it went in.
const awkward = [
  'She said "renew", then left',
  "C:\\exports\\q4.csv",
  "line one\nline two\ttabbed",
  "a bell \u0007 and an escape \u001b",
  "{braces}, commas, and NULL",
  "NULL",
  "null",
  "",
  "  padded  ",
  "Zürich · 東京 · 🚀",
  '\\"',
];

describe(`bulk inserts keep every character on ${testEngine}`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.destroy());

  it("stores awkward texts and JSON in audit rows unchanged", async () => {
    const entries = awkward.map((text, i) => ({
      action: text,
      entityType: "Test",
      entityId: `row-${String(i).padStart(2, "0")}`,
      changes: { text, nested: { list: [text, null, 1.5] } },
    }));
    await recordAudit(db.prisma, { userId: null, label: 'cli:o"brien\\', source: "cli" }, entries);
    const rows = await db.prisma.auditLog.findMany({
      where: { entityType: "Test" },
      orderBy: { entityId: "asc" },
    });
    expect(rows.map((row) => row.action)).toEqual(entries.map((entry) => entry.action));
    expect(rows.map((row) => row.changes)).toEqual(entries.map((entry) => entry.changes));
    expect(new Set(rows.map((row) => row.actorLabel))).toEqual(new Set(['cli:o"brien\\']));
  });

  it("stores lists of texts per row, an empty list included", async () => {
    const accounts = await Promise.all(awkward.map(() => anAccount(db.prisma)));
    const day = new Date("2026-11-23T00:00:00Z");
    await replaceScores(
      db.prisma,
      day,
      accounts.map((account, i) => ({
        accountId: account.id,
        score: i,
        band: "yellow" as const,
        subScores: { adoption: i, note: awkward[i] },
        reasons: awkward.slice(0, i),
        missingSignals: ["nps"],
      })),
    );
    const scores = await db.prisma.healthScore.findMany({ where: { date: day }, orderBy: { score: "asc" } });
    expect(scores).toHaveLength(awkward.length);
    scores.forEach((score, i) => {
      expect(score.reasons).toEqual(awkward.slice(0, i));
      expect(score.subScores).toEqual({ adoption: i, note: awkward[i] });
      expect(score.missingSignals).toEqual(["nps"]);
      expect(score.date).toEqual(day);
    });
  });

  it("writes many rows in statements of several thousand", async () => {
    const entries = Array.from({ length: 25_000 }, (_, i) => ({
      action: "bulk.test",
      entityType: "Bulk",
      entityId: randomUUID(),
      changes: { i },
    }));
    await recordAudit(db.prisma, { userId: null, label: "system", source: "job" }, entries);
    expect(await db.prisma.auditLog.count({ where: { entityType: "Bulk" } })).toBe(25_000);
  });

  it("hands a statement its rows as a subquery, a statement's worth at a time, to join on the way in", async () => {
    const accounts = await Promise.all([anAccount(db.prisma), anAccount(db.prisma)]);
    const rows = Array.from({ length: 4_100 }, (_, i) => ({
      n: i,
      externalId: (accounts[i % 2] as { externalId: string }).externalId,
      note: awkward[i % awkward.length],
    }));
    const written = await bulkExecute(
      db.prisma,
      [
        { name: "n", type: "int" },
        { name: "externalId", type: "text" },
        { name: "note", type: "text" },
      ],
      rows,
      (unnested) => Prisma.sql`
        INSERT INTO "AuditLog" (id, "actorLabel", source, action, "entityType", "entityId")
        SELECT 'joined-' || r.n, 'system', 'job', r.note, 'Joined', a.id
        FROM ${unnested} AS r JOIN "Account" a ON a."externalId" = r."externalId"`,
    );
    expect(written).toBe(4_100);
    const joined = await db.prisma.auditLog.findMany({ where: { entityType: "Joined" } });
    expect(joined).toHaveLength(4_100);
    const byId = new Map(joined.map((row) => [row.id, row]));
    rows.forEach((row) => {
      expect(byId.get(`joined-${row.n}`)).toMatchObject({
        action: row.note,
        entityId: (accounts[row.n % 2] as { id: string }).id,
      });
    });
  });
});
