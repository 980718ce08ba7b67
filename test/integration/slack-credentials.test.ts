// The bot checks its Slack credentials at start, as a user starts it (the compiled bundle in a process
// of its own): a refused token or an unreachable Slack stops it before it listens, in one line.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBundles, freePort, startBot } from "../helpers/bot-process.ts";
import { testEngine } from "../helpers/database.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";

// The check comes before the database is opened: one engine is enough.
describe.runIf(testEngine === "pglite")("Slack credentials checked at start", () => {
  let build = "";
  let removeBuild = () => {};
  let slack: FakeSlack;
  let folder = "";
  beforeAll(async () => {
    ({ dir: build, remove: removeBuild } = buildBundles());
    slack = await FakeSlack.start();
    folder = mkdtempSync(path.join(tmpdir(), "csm-credentials-"));
  });
  afterAll(async () => {
    removeBuild();
    await slack?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const httpMode = () => ({
    SLACK_BOT_TOKEN: "xoxb-credentials-test-token",
    SLACK_SIGNING_SECRET: "credentials-test-signing-secret",
    SLACK_API_URL: slack.apiUrl,
    DATA_DIR: path.join(folder, "data"),
  });

  async function run(
    env: Record<string, string>,
  ): Promise<{ code: number | null; stderr: string; ms: number }> {
    const started = Date.now();
    const child = startBot(build, { PORT: String(await freePort()), ...env });
    let stderr = "";
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    child.stdout?.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    return { code, stderr, ms: Date.now() - started };
  }

  const stackLine = /\n\s+at /;

  describe("a bot token Slack refuses", () => {
    it("stops the bot before it listens, naming the variable and where to copy the token from", async () => {
      slack.failNext("auth.test", "invalid_auth");
      const { code, stderr } = await run(httpMode());
      expect(code).toBe(1);
      expect(stderr).toMatch(
        /ERROR .*SLACK_BOT_TOKEN was refused by Slack \(invalid_auth\): copy the Bot User OAuth Token .* from OAuth & Permissions/,
      );
      expect(stderr).not.toMatch(/listening on port/);
      expect(stderr).not.toMatch(stackLine);
      expect(stderr).not.toContain("xoxb-credentials-test-token");
    });

    it("shows the cause's stack at LOG_LEVEL=debug", async () => {
      slack.failNext("auth.test", "token_revoked");
      const { code, stderr } = await run({ ...httpMode(), LOG_LEVEL: "debug" });
      expect(code).toBe(1);
      expect(stderr).toMatch(/SLACK_BOT_TOKEN was refused by Slack \(token_revoked\)/);
      expect(stderr).toMatch(stackLine);
    });
  });

  describe("an app-level token Slack refuses, in Socket Mode", () => {
    it("stops the bot, naming SLACK_APP_TOKEN and how to create one", async () => {
      slack.failNext("apps.connections.open", "invalid_auth");
      const { SLACK_SIGNING_SECRET: _none, ...env } = httpMode();
      const { code, stderr } = await run({ ...env, SLACK_APP_TOKEN: "xapp-1-credentials-test" });
      expect(code).toBe(1);
      expect(stderr).toMatch(
        /SLACK_APP_TOKEN was refused by Slack \(invalid_auth\): create an App-Level Token with the connections:write scope/,
      );
      expect(stderr).not.toMatch(stackLine);
    });
  });

  describe("a Slack that cannot be reached", () => {
    it("names the URL it tried and stops within about 10 seconds, without a stack trace", async () => {
      const apiUrl = `http://127.0.0.1:${await freePort()}/api/`;
      const { code, stderr, ms } = await run({ ...httpMode(), SLACK_API_URL: apiUrl });
      expect(code).toBe(1);
      expect(stderr).toContain(`Slack is unreachable at ${apiUrl} (auth.test: ECONNREFUSED)`);
      expect(stderr).not.toMatch(/WARN/);
      expect(stderr).not.toMatch(stackLine);
      // A generous bound: the issue asks for about 10 s; start-up itself takes a few on a busy machine.
      expect(ms).toBeLessThan(20_000);
    });
  });
});
