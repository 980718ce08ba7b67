// Global set-up of the test run: the run gets a temporary folder of its own (TMPDIR, which the tests'
// processes and os.tmpdir() use) and a name prefix for the PostgreSQL databases its tests create. At the
// end, what is left in either is a leak: it is named, the run fails, and it is removed. It also says,
// once, when the tests that need PostgreSQL are skipped.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

let owner = false;

export function setup(): void {
  // Each test project runs the set-up; the first one owns the run's folder and prefix.
  if (process.env.CSM_TEST_RUN_TMPDIR) return;
  owner = true;
  const dir = mkdtempSync(path.join(tmpdir(), "csm-test-run-"));
  process.env.CSM_TEST_RUN_TMPDIR = dir;
  process.env.TMPDIR = dir;
  process.env.CSM_TEST_DB_PREFIX = `csm_test_${path.basename(dir).slice("csm-test-run-".length).toLowerCase()}_`;
  if (!process.env.TEST_DATABASE_URL)
    process.stdout.write(
      "TEST_DATABASE_URL is unset: the integration suites run on embedded PGlite only, and the tests that " +
        "need PostgreSQL are skipped (--reporter=verbose shows them).\n",
    );
}

export async function teardown(): Promise<void> {
  if (!owner) return;
  const dir = process.env.CSM_TEST_RUN_TMPDIR as string;
  const leaks = readdirSync(dir).map((name) => `${path.join(dir, name)}`);
  rmSync(dir, { recursive: true, force: true });
  leaks.push(...(await dropLeftDatabases(process.env.CSM_TEST_DB_PREFIX as string)));
  if (!leaks.length) return;
  // Vitest reports an error thrown here but exits 0: the exit code is set for it.
  process.stderr.write(
    `The tests left behind (now removed):\n${leaks.map((leak) => `  ${leak}\n`).join("")}`,
  );
  process.exitCode = 1;
}

async function dropLeftDatabases(prefix: string): Promise<string[]> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return [];
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    return rows.map((row) => `PostgreSQL database ${row.datname}`);
  } finally {
    await client.end();
  }
}
