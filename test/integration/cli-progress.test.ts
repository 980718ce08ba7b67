// Long CLI work shows what it is doing on a terminal (the first run's database creation, re-scores,
// imports), on stderr, and nothing of it reaches a pipe, a log or a --json reader.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliSandbox, cliSandbox } from "../helpers/cli.ts";
import { testEngine } from "../helpers/database.ts";

const today = new Date().toISOString().slice(0, 10);

/** The status lines a terminal was sent, each as it was drawn. */
const statusLines = (stderr: string) => stderr.split("\r\x1b[2K").filter((line) => line.trim() !== "");

// On PostgreSQL there is no cluster to create: the database exists before the first command.
describe.skipIf(testEngine === "postgres")(
  "the first command on a new DATA_DIR (embedded database only)",
  () => {
    const sandboxes: CliSandbox[] = [];
    afterAll(async () => {
      for (const sandbox of sandboxes) await sandbox.destroy();
    });

    it("says on a terminal that it creates the database, then how long it took", async () => {
      const cli = await cliSandbox();
      sandboxes.push(cli);
      const run = await cli.runOnTerminal("db", "migrate");
      expect(run.code).toBe(0);
      const dataDir = cli.env.DATA_DIR as string;
      expect(statusLines(run.stderr)[0]).toBe(
        `Creating the embedded database in ${dataDir} (once, about 15 s)…`,
      );
      expect(run.stderr).toMatch(
        new RegExp(
          `\\r\\x1b\\[2KCreated the embedded database in ${dataDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} in \\d+\\.\\d s\\.\\n`,
        ),
      );
      expect(run.stdout).toMatch(/^Database is up to date/);
    });

    it("says nothing of it when stderr is not a terminal", async () => {
      const cli = await cliSandbox();
      sandboxes.push(cli);
      const run = await cli.run("db", "migrate");
      expect(run.code).toBe(0);
      expect(run.stderr).toBe("");
      expect(run.stdout).toMatch(/^Database is up to date/);
    });
  },
);

describe(`progress of re-scores and imports, on ${testEngine}`, () => {
  let cli: CliSandbox;
  beforeAll(async () => {
    cli = await cliSandbox();
    expect((await cli.run("seed", "--demo", "--owner", "UOWNER0001")).code).toBe(0);
  });
  afterAll(async () => cli?.destroy());

  it("counts the accounts re-scored on a terminal", async () => {
    const run = await cli.runOnTerminal("health", "rescore");
    expect(run.code).toBe(0);
    expect(statusLines(run.stderr)).toEqual(["Re-scoring accounts…", "Re-scoring accounts… 36/36"]);
    // The status line is cleared before the summary.
    expect(run.stderr.endsWith("\r\x1b[2K")).toBe(true);
    expect(run.stdout).toMatch(/^Re-scored 36 accounts: /);
  });

  it("prints only the summary when stderr is not a terminal", async () => {
    const run = await cli.run("health", "rescore");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/^Re-scored 36 accounts: \d+ plays opened, \d+ self-closed\.\n$/);
  });

  it("prints one JSON object and no progress with --json, even on a terminal", async () => {
    const run = await cli.runOnTerminal("health", "rescore", "--json");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(run.stdout)).toMatchObject({ scored: 36, playsOpened: expect.any(Number) });
  });

  it("shows the steps of a signal import with their counts", async () => {
    const file = cli.file(
      "signals.csv",
      `external_id,date,features_used,features_in_plan,tickets_30d\nDEMO-0001,${today},10,20,2\nDEMO-0002,${today},18,20,0\n`,
    );
    const run = await cli.runOnTerminal("import", "signals", file);
    expect(run.code).toBe(0);
    expect(statusLines(run.stderr)).toEqual([
      "Checking 2 signals…",
      "Importing 2 signals…",
      "Re-scoring accounts…",
      "Re-scoring accounts… 2/2",
    ]);
    const quiet = await cli.run("import", "signals", file, "--json");
    expect(quiet.stderr).toBe("");
    expect(JSON.parse(quiet.stdout)).toMatchObject({ file, snapshots: 2, accounts: 2, scored: 2 });
  });

  it("says what an accounts import is checking before it writes", async () => {
    const file = cli.file("accounts.csv", "external_id,name,owner\nNEW-1,Newco,UOWNER0001\n");
    const run = await cli.runOnTerminal("import", "accounts", file);
    expect(run.code).toBe(0);
    expect(statusLines(run.stderr)[0]).toBe("Checking 1 account and their owners…");
    const json = await cli.run("import", "accounts", file, "--json");
    expect(JSON.parse(json.stdout)).toMatchObject({ file, rows: 1, unchanged: 1 });
  });
});
