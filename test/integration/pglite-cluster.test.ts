// A new embedded data directory gets its cluster from a process of its own, built aside and moved in.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { createClusterIfMissing } from "../../src/db/pglite-cluster.ts";
import { testEngine } from "../helpers/database.ts";

describe.runIf(testEngine === "pglite")("creating the embedded database's cluster", () => {
  // Made in a hook: the body of a describe runs even where the describe is skipped.
  let folder = "";
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), "csm-cluster-"));
  });
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

    const db = await openDatabase({ kind: "pglite", dataDir });
    try {
      expect(await db.prisma.$queryRaw`SELECT 6 * 7 AS answer`).toEqual([{ answer: 42 }]);
    } finally {
      await db.close();
    }
    expect(await createClusterIfMissing(dataDir)).toBeNull();
  });

  it("says where and why when the process that creates the cluster is killed, and leaves nothing half made", async () => {
    const dataDir = path.join(folder, "killed");
    const creating = createClusterIfMissing(dataDir);
    // The initdb process, found by the staging directory on its command line, killed as the kernel's
    // out-of-memory killer would.
    const pid = await processWithArgument(path.join(dataDir, ".initdb-"));
    process.kill(pid, "SIGKILL");
    await expect(creating).rejects.toThrow(
      `could not create the embedded database in ${dataDir}: it was stopped by SIGKILL (out of memory?`,
    );
    expect(readdirSync(dataDir)).toEqual([]);
    // The next start creates it.
    expect(await createClusterIfMissing(dataDir)).not.toBeNull();
    expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
  });
});

/** The pid of a running process with an argument that starts with `prefix` (Linux: /proc). */
async function processWithArgument(prefix: string): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
      let args: string[];
      try {
        args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      } catch {
        continue;
      }
      if (args.some((arg) => arg.startsWith(prefix))) return Number(entry);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no process with an argument starting ${prefix}`);
}
