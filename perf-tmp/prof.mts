import pg from "pg";
import { openDatabase } from "/work/main/src/db/client.ts";

const db = await openDatabase({ kind: "pglite", dataDir: "/tmp/perf/data" });
const ids = await db.prisma.account.findMany({ select: { id: true, searchName: true }, take: 500 });
const pool = new pg.Pool({ host: db.socketDir, port: 5432, user: "postgres", database: "postgres", max: 1 });
const sql = 'SELECT id FROM "Account" WHERE "searchName" = $1 OR "externalId" = $2 ORDER BY id LIMIT 2';
const t = performance.now();
const c0 = process.cpuUsage();
for (let i = 0; i < 2000; i++) await pool.query(sql, [ids[i % 500]!.searchName, "x"]);
const cpu = process.cpuUsage(c0);
console.log(
  ((performance.now() - t) / 2000).toFixed(2),
  "ms/op",
  ((cpu.user + cpu.system) / 1000 / 2000).toFixed(2),
  "cpu ms/op (all threads)",
);
await pool.end();
await db.close();
