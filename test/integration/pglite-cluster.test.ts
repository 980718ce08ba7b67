// A new embedded data directory gets its cluster from a process of its own, built aside and moved in.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPGlite } from "../../src/db/client.ts";
import { createClusterIfMissing } from "../../src/db/pglite-cluster.ts";
import { testEngine } from "../helpers/database.ts";

describe.runIf(testEngine === "pglite")("creating the embedded database's cluster", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "csm-cluster-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("builds it in another process, replaces what an interrupted first start left, and only once", async () => {
    const dataDir = path.join(folder, "data");
    // An interrupted earlier start: its staging directory, a half-moved cluster without PG_VERSION,
    // and the lock file of the process that holds the directory now.
    mkdirSync(path.join(dataDir, ".initdb-999999", "base"), { recursive: true });
    mkdirSync(path.join(dataDir, "base"), { recursive: true });
    writeFileSync(path.join(dataDir, "base", "half-written"), "x");
    writeFileSync(path.join(dataDir, "csm.lock"), "{}");

    const created = await createClusterIfMissing(dataDir);
    expect(created?.seconds).toBeGreaterThan(0);
    expect(created?.peakRssMb).toBeGreaterThan(100);
    const entries = readdirSync(dataDir);
    expect(entries).toContain("PG_VERSION");
    expect(entries).toContain("csm.lock");
    expect(entries.filter((name) => name.startsWith(".initdb-"))).toEqual([]);
    expect(existsSync(path.join(dataDir, "base", "half-written"))).toBe(false);

    const lite = await createPGlite(dataDir);
    try {
      const { rows } = await lite.query<{ answer: number }>("SELECT 6 * 7 AS answer");
      expect(rows).toEqual([{ answer: 42 }]);
    } finally {
      await lite.close();
    }
    expect(await createClusterIfMissing(dataDir)).toBeNull();
  });
});
