import { openDatabase } from "../src/db/client.ts";
import { applyMigrations } from "../src/db/migrate.ts";

const db = await openDatabase({
  kind: (process.argv[2] as "pglite") ?? "pglite",
  dataDir: null,
  url: "postgresql://root@127.0.0.1:5432/test",
} as never);
await applyMigrations(db);
const acc = await db.prisma.account.upsert({
  where: { externalId: "x" },
  create: { externalId: "x", name: "x", searchName: "x" },
  update: {},
});
let t = performance.now();
const lap = (label: string) => {
  const now = performance.now();
  console.log(label, (now - t).toFixed(0), "ms");
  t = now;
};
const n = 20000;
const ids = Array.from({ length: n }, () => crypto.randomUUID());
const accs = Array.from({ length: n }, () => acc.id);
const dates = Array.from({ length: n }, (_, i) =>
  new Date(Date.UTC(2000, 0, 1) + i * 86400000).toISOString().slice(0, 10),
);
const scores = Array.from({ length: n }, (_, i) => i % 100);
const subs = Array.from({ length: n }, () => JSON.stringify({ a: 1, b: null }));
const reasons = Array.from({ length: n }, () => JSON.stringify(["sponsor dark", "x"]));
await db.prisma
  .$executeRaw`INSERT INTO "HealthScore"(id,"accountId",date,score,band,"subScores",reasons,"missingSignals")
  SELECT u.id, u.acc, u.d::date, u.s, 'yellow'::"HealthBand", u.sub::jsonb, ARRAY(SELECT jsonb_array_elements_text(u.r::jsonb)), ARRAY[]::text[]
  FROM unnest(${ids}::text[], ${accs}::text[], ${dates}::text[], ${scores}::int[], ${subs}::text[], ${reasons}::text[]) AS u(id, acc, d, s, sub, r)`;
lap("unnest insert 20000");
const c = await db.prisma.healthScore.count();
lap(`count ${c}`);
await db.prisma.$executeRawUnsafe(`DELETE FROM "HealthScore"`);
await db.close();
