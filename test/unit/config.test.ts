import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";

const valid = { SLACK_BOT_TOKEN: "xoxb-123-456-abc", SLACK_SIGNING_SECRET: "0123456789abcdef" };

function problems(env: Record<string, string>, needs: "bot" | "cli" = "bot"): string[] {
  try {
    loadConfig(env, needs);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("defaults to HTTP mode on port 3000 with the embedded database in ./data", () => {
    const config = loadConfig(valid);
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: "pglite", dataDir: "./data" });
    expect(config.logLevel).toBe("info");
    expect(config.slack.appToken).toBeUndefined();
  });

  it("uses PostgreSQL for a postgres:// or postgresql:// DATABASE_URL", () => {
    expect(loadConfig({ ...valid, DATABASE_URL: "postgres://u@h/db" }).database).toEqual({
      kind: "postgres",
      url: "postgres://u@h/db",
    });
    expect(loadConfig({ ...valid, DATABASE_URL: "postgresql://u@h/db" }).database.kind).toBe("postgres");
  });

  it("accepts a previous ingest token beside the current one, during a rotation only", () => {
    const rotation = { INGEST_TOKEN: "new-token-0123456789", INGEST_TOKEN_PREVIOUS: "old-token-0123456789" };
    expect(loadConfig({ ...valid, ...rotation }).ingestTokens).toEqual([
      "new-token-0123456789",
      "old-token-0123456789",
    ]);
    expect(loadConfig({ ...valid, INGEST_TOKEN: "new-token-0123456789" }).ingestTokens).toEqual([
      "new-token-0123456789",
    ]);
    expect(loadConfig(valid).ingestTokens).toEqual([]);
    expect(problems({ ...valid, INGEST_TOKEN_PREVIOUS: "old-token-0123456789" })).toEqual([
      expect.stringMatching(
        /^INGEST_TOKEN_PREVIOUS: set only during a rotation, beside the new INGEST_TOKEN/,
      ),
    ]);
  });

  it("names a missing bot token", () => {
    expect(problems({ SLACK_SIGNING_SECRET: "0123456789abcdef" })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN: required/),
    ]);
  });

  it("asks for the signing secret only in HTTP mode", () => {
    expect(problems({ SLACK_BOT_TOKEN: "xoxb-1" })).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET/)]);
    expect(problems({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1-abc" })).toEqual([]);
  });

  it("names each malformed variable and what it expects, without echoing the value", () => {
    const found = problems({
      SLACK_BOT_TOKEN: "xoxp-secret-user-token",
      PORT: "eighty",
      DATABASE_URL: "mysql://x",
      LOG_LEVEL: "loud",
      SLACK_API_URL: "not a url",
    });
    expect(found).toHaveLength(5);
    expect(found.join("\n")).toMatch(/SLACK_BOT_TOKEN: expected a bot token starting with xoxb-/);
    expect(found.join("\n")).toMatch(/PORT: expected a port number/);
    expect(found.join("\n")).toMatch(/DATABASE_URL: expected a postgres:\/\//);
    expect(found.join("\n")).toMatch(/LOG_LEVEL: expected one of debug, info, warn, error/);
    expect(found.join("\n")).toMatch(/SLACK_API_URL: expected an http/);
    expect(found.join("\n")).not.toContain("xoxp-secret-user-token");
  });

  it("rejects a port out of range", () => {
    expect(problems({ ...valid, PORT: "70000" })).toEqual([expect.stringMatching(/^PORT: expected/)]);
  });

  it("lets the CLI run without Slack credentials", () => {
    expect(loadConfig({}, "cli").slack.botToken).toBeUndefined();
  });
});
