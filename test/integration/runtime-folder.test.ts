// The bot as its image runs it (Dockerfile), without Docker: the runtime folder holds the compiled bot
// and its production dependencies only, it is read-only to the user the bot runs as, and the bot, its
// CLI and the image's health check run from it with the Dockerfile's own commands.
import type { ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeFlags } from "../../scripts/node-flags.mjs";
import { buildBundles, freePort, waitForHealth } from "../helpers/bot-process.ts";
import { freshTarget, skipUnlessPostgres, testEngine } from "../helpers/database.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import {
  dockerfileCommands,
  installRuntimeFolder,
  type RuntimeFolder,
  treeSize,
} from "../helpers/runtime-folder.ts";
import { SlackRequests } from "../helpers/slack-requests.ts";

const docker = dockerfileCommands();
const signingSecret = "runtime-test-signing-secret";
const owner = "UOWNER0001";

/** A finished child's exit code and output. */
function finished(child: ChildProcess): Promise<{ code: number | null; output: string }> {
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

describe(`the image's runtime folder, on ${testEngine}`, () => {
  let runtime: RuntimeFolder;
  let removeBuild = () => {};
  let slack: FakeSlack;
  let dropDatabase = async () => {};
  let env: Record<string, string>;
  const bots: { child: ChildProcess; port: number; log: () => string }[] = [];

  const startReplica = async () => {
    const port = await freePort();
    const child = runtime.spawn(docker.start, { ...env, PORT: String(port) });
    let log = "";
    child.stderr?.on("data", (chunk) => (log += chunk));
    const bot = { child, port, log: () => log };
    bots.push(bot);
    return bot;
  };
  const healthcheck = (port: number) => finished(runtime.spawn(docker.healthcheck, { PORT: String(port) }));
  const accountCard = async (port: number, name: string) => {
    const requests = new SlackRequests({
      url: `http://127.0.0.1:${port}/slack/events`,
      signingSecret,
      responseUrl: (id) => slack.responseUrl(id),
    });
    return (await requests.command("/account", name, { userId: owner })).body;
  };

  beforeAll(async () => {
    const build = buildBundles();
    removeBuild = build.remove;
    runtime = installRuntimeFolder(build.dir);
    slack = await FakeSlack.start();
    slack.addUser({ id: owner, realName: "Olive Owner" });
    const fresh = await freshTarget();
    dropDatabase = fresh.drop;
    env = {
      // The image's environment (Dockerfile, ENV), then the operator's.
      NODE_ENV: "production",
      DATA_DIR: runtime.dataDir,
      SLACK_BOT_TOKEN: "xoxb-runtime-test-token",
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: "info",
      ...(fresh.target.kind === "postgres" ? { DATABASE_URL: fresh.target.url } : {}),
    };
  }, 180_000);
  afterAll(async () => {
    for (const { child } of bots) if (child.exitCode === null) child.kill("SIGKILL");
    await slack?.close();
    runtime?.remove();
    removeBuild();
    await dropDatabase();
  });

  it("holds the production dependencies only: no build tool, nothing generated or compiled at install", () => {
    expect(runtime.installOutput).toContain("production install (no development dependencies)");
    const modules = path.join(runtime.app, "node_modules");
    for (const tool of ["prisma", "esbuild", "@prisma/client", "typescript", "tsx", "vitest"])
      expect(existsSync(path.join(modules, tool)), tool).toBe(false);
    expect(readdirSync(path.join(runtime.app, "dist"))).toContain("pglite-worker.mjs");
    // The image's budget is 300 MB, of which the Node base image takes about 200.
    expect(treeSize(runtime.app) / 1e6).toBeLessThan(100);
  });

  it("starts with the image's command, `npm start`'s Node flags without its build step", async () => {
    expect(docker.start).toEqual(["node", ...nodeFlags("start", "main"), "dist/main.mjs"]);
    const bot = await startReplica();
    expect((await waitForHealth(`http://127.0.0.1:${bot.port}/healthz`, bot.child)).status).toBe(200);
    expect(bot.log()).toMatch(/applied migrations: /);
    expect((await healthcheck(bot.port)).code).toBe(0);
  });

  it("runs the CLI from the folder: the demo book loads and /account shows its card", async () => {
    const seed = await finished(
      runtime.spawn(["node", "bin/csm.js", "seed", "--demo", "--owner", owner], {
        ...env,
        LOG_LEVEL: "warn",
      }),
    );
    expect(seed.output).toMatch(/36 accounts and \d+ open plays owned by Olive Owner \(UOWNER0001\)/);
    expect(seed.code).toBe(0);
    const [bot] = bots;
    const card = await accountCard(bot?.port as number, "Acme Corporation");
    expect(card).toContain("Acme Corporation");
    expect(card).toContain(`<@${owner}>`);
  });

  it("scales out on PostgreSQL: a second replica from the same folder answers from the same book", async (context) => {
    skipUnlessPostgres(context);
    const second = await startReplica();
    expect((await waitForHealth(`http://127.0.0.1:${second.port}/healthz`, second.child)).status).toBe(200);
    expect(await accountCard(second.port, "Acme Corporation")).toContain(`<@${owner}>`);
    expect(second.log()).not.toMatch(/applied migrations/);
  });

  it("stops on SIGTERM with exit code 0, and the health check then fails", async () => {
    for (const bot of bots) {
      const exited = new Promise((resolve) => bot.child.on("exit", resolve));
      bot.child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(bot.log()).toMatch(/INFO .*stopped/);
      expect((await healthcheck(bot.port)).code).toBe(1);
    }
  });
});
