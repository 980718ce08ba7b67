import { defineConfig } from "vitest/config";

// Integration suites run on embedded PGlite always, and once more on PostgreSQL when
// TEST_DATABASE_URL is set (CI sets it): the same tests, the same migrations, both engines.
const integration = (engine: "pglite" | "postgres") => ({
  extends: true as const,
  test: {
    name: `integration-${engine}`,
    include: ["test/integration/**/*.test.ts"],
    env: { CSM_TEST_ENGINE: engine },
  },
});

export default defineConfig({
  test: {
    // A test's first CLI command on a new data directory creates the embedded database's cluster, and
    // every CLI command opens the database: on a busy two-core machine that takes a while.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    globalSetup: ["test/helpers/leak-check.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      integration("pglite"),
      ...(process.env.TEST_DATABASE_URL ? [integration("postgres")] : []),
    ],
  },
});
