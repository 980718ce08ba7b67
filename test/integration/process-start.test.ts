// The bot as a user starts it: the compiled bundle `npm start` runs, in its own process, configured by
// the environment. Each run compiles a private copy, so two test projects never share one file.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBundles, freePort, startBot as startBundle, waitForHealth } from "../helpers/bot-process.ts";
import { cliSandbox } from "../helpers/cli.ts";
import { freshTarget, skipUnlessPostgres, testEngine } from "../helpers/database.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { FakeSocketMode } from "../helpers/fake-socket-mode.ts";
import { SlackRequests } from "../helpers/slack-requests.ts";

let build = "";
let removeBuild = () => {};
beforeAll(() => {
  ({ dir: build, remove: removeBuild } = buildBundles());
});
afterAll(() => removeBuild());

const startBot = (env: Record<string, string>) => startBundle(build, env);

function run(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = startBot(env);
    let stderr = "";
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

describe("starting the bot", () => {
  it("stops with exit code 1 and names each missing or malformed variable, without a stack trace", async () => {
    const { code, stderr } = await run({ PORT: "eighty", LOG_LEVEL: "loud" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/PORT: expected a port number/);
    expect(stderr).toMatch(/LOG_LEVEL: expected one of debug, info, warn, error/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("stops with exit code 1 when the bot token is missing", async () => {
    const { code, stderr } = await run({ SLACK_SIGNING_SECRET: "0123456789abcdef" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/SLACK_BOT_TOKEN: required/);
  });
});

describe("the compiled CLI", () => {
  it("runs on Node alone and prints its usage for an unknown command", () => {
    const cli = spawnSync(process.execPath, [path.join(build, "cli.mjs"), "frobnicate"], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "" },
    });
    expect(cli.status).toBe(2);
    expect(cli.stdout + cli.stderr).toMatch(/Usage: csm <command>/);
  });

  it("is what `npx csm` starts: it passes its arguments, output and exit code through", () => {
    // bin/csm.js runs dist/cli.mjs, built by npm install.
    const cli = spawnSync(process.execPath, ["bin/csm.js", "frobnicate"], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "" },
    });
    expect(cli.status).toBe(2);
    expect(cli.stdout + cli.stderr).toMatch(/Usage: csm <command>/);
  });
});

describe("a running bot", () => {
  let slack: FakeSlack;
  let bot: ChildProcess;
  let port: number;
  let folder: string;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let output = "";

  beforeAll(async () => {
    slack = await FakeSlack.start();
    port = await freePort();
    folder = mkdtempSync(path.join(tmpdir(), "csm-bot-"));
    const fresh = await freshTarget();
    drop = fresh.drop;
    env = {
      SLACK_BOT_TOKEN: "xoxb-process-test-token",
      SLACK_SIGNING_SECRET: "process-test-signing-secret",
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      LOG_LEVEL: "debug",
      // The callers are full members nobody added: the open workspace lets them in, through users.info.
      ACCESS: "workspace",
      ...(fresh.target.kind === "postgres"
        ? { DATABASE_URL: fresh.target.url }
        : { DATA_DIR: path.join(folder, "data") }),
    };
    bot = startBot(env);
    bot.stderr?.on("data", (chunk) => (output += chunk));
    bot.stdout?.on("data", (chunk) => (output += chunk));
  });
  afterAll(async () => {
    if (bot.exitCode === null) bot.kill("SIGKILL");
    await slack?.close();
    rmSync(folder, { recursive: true, force: true });
    await drop?.();
  });

  it.runIf(testEngine === "pglite")(
    "refuses a DATA_DIR that holds other things, with one line naming them",
    async () => {
      const foreign = path.join(folder, "documents");
      mkdirSync(foreign);
      writeFileSync(path.join(foreign, "plan.docx"), "");
      const { code, stderr } = await run({ ...env, DATA_DIR: foreign, PORT: String(await freePort()) });
      expect(code).toBe(1);
      expect(stderr).toMatch(/ERROR .*DATA_DIR .*documents is not an embedded database: it holds plan\.docx/);
      expect(stderr).not.toMatch(/\n\s+at /);
    },
  );

  it("migrates its database on first start and answers the health check", async () => {
    const response = await waitForHealth(`http://127.0.0.1:${port}/healthz`, bot);
    expect(response.status).toBe(200);
    // The embedded database's cluster comes from a process of its own (src/db/pglite-cluster.ts).
    if (testEngine === "pglite")
      expect(output).toMatch(
        /created the embedded database in .+ in a process of its own that peaked at \d+ MB/,
      );
  });

  it("lets the CLI work side by side on PostgreSQL", async (context) => {
    skipUnlessPostgres(context);
    const cli = await cliSandbox({ DATABASE_URL: env.DATABASE_URL as string });
    try {
      expect((await cli.run("users", "list")).code).toBe(0);
    } finally {
      await cli.destroy();
    }
  });

  it("on SIGTERM stops taking requests, answers the one in flight, closes the database and exits 0", async () => {
    const requests = new SlackRequests({
      url: `http://127.0.0.1:${port}/slack/events`,
      signingSecret: env.SLACK_SIGNING_SECRET as string,
      responseUrl: (id) => slack.responseUrl(id),
    });
    const exitCode = await stopWithRequestInFlight(bot, requests, "USLOW0001", () => output);
    expect(exitCode).toBe(0);
    expect(output).toMatch(/bot listening on port/);
    expect(output).not.toContain("xoxb-process-test-token");
    expect(output).not.toContain("process-test-signing-secret");
    // Bolt's debug lines about acknowledgements carry an object it has already turned into text.
    expect(output).toMatch(/DEBUG .*ack\(\) call begins/);
    expect(output).not.toContain("[object Object]");
  });

  it("stops when `npm start`'s own process gets SIGTERM, as from systemd, Docker or timeout", async () => {
    // The project's start script, run by npm in a folder whose dist/ is this test's private build.
    const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } };
    writeFileSync(path.join(folder, "package.json"), JSON.stringify({ scripts: { start: scripts.start } }));
    symlinkSync(path.resolve(build), path.join(folder, "dist"));
    // A process group of its own, so that a bot npm left behind can be cleaned up with it.
    const npm = spawn("npm", ["start", "--silent"], {
      cwd: folder,
      detached: true,
      env: { PATH: process.env.PATH ?? "", HOME: folder, npm_config_update_notifier: "false", ...env },
    });
    let npmOutput = "";
    npm.stderr?.on("data", (chunk) => (npmOutput += chunk));
    const exited = new Promise<number | null>((resolve) => npm.on("exit", resolve));
    try {
      expect((await waitForHealth(`http://127.0.0.1:${port}/healthz`, npm)).status).toBe(200);
      npm.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(npmOutput).toMatch(/INFO .*stopped/);
      // The bot itself stopped too: nothing answers on its port.
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      try {
        process.kill(-(npm.pid as number), "SIGKILL");
      } catch {
        // the group has ended
      }
    }
  });

  it("does the same in Socket Mode: answers the request in flight, says stopped, exits 0", async () => {
    const socket = await FakeSocketMode.start(slack);
    const { SLACK_SIGNING_SECRET: _unused, ...httpEnv } = env;
    const socketBot = startBot({ ...httpEnv, SLACK_APP_TOKEN: "xapp-1-process-test" });
    let socketOutput = "";
    socketBot.stderr?.on("data", (chunk) => (socketOutput += chunk));
    try {
      await socket.connected();
      const requests = new SlackRequests({
        url: "",
        signingSecret: "",
        deliver: socket.deliver,
        responseUrl: (id) => slack.responseUrl(id),
      });
      const exitCode = await stopWithRequestInFlight(socketBot, requests, "USLOW0002", () => socketOutput);
      expect(exitCode).toBe(0);
      expect(socketOutput).toMatch(/bot running in Socket Mode/);
    } finally {
      if (socketBot.exitCode === null) socketBot.kill("SIGKILL");
      await socket.close();
    }
  });

  /**
   * Sends a slash command whose caller's profile comes from a slow Slack (acknowledged empty after 2 s,
   * answered through response_url when the work is done), then SIGTERM: the port closes, the answer
   * still arrives, and the bot says it stopped. Resolves to the exit code.
   */
  async function stopWithRequestInFlight(
    child: ChildProcess,
    requests: SlackRequests,
    userId: string,
    log: () => string,
  ): Promise<number | null> {
    slack.addUser({ id: userId, realName: "Sam Slow" });
    slack.delayNext("users.info", 4_000);
    const ack = await requests.command("/account", "acme", { userId });
    expect(ack.body).toBe("");

    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    await until(() => /SIGTERM received/.test(log()));
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    const answer = await slack.waitForResponse((r) => r.id === ack.responseId, 15_000);
    expect(JSON.stringify(answer.body)).toMatch(/acme/i);
    const code = await exited;
    expect(log()).toMatch(/SIGTERM received: no new requests; finishing 1 in flight/);
    expect(log()).toMatch(/INFO .*stopped\n/);
    return code;
  }
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
