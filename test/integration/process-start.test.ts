// The bot as a user starts it: the compiled bundle `npm start` runs, in its own process, configured by
// the environment. Each run compiles a private copy, so two test projects never share one file.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliNodeFlags, nodeFlags } from "../../scripts/node-flags.mjs";
import { cliSandbox } from "../helpers/cli.ts";
import { freshTarget, testEngine } from "../helpers/database.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";

const build = path.join("dist", `test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
beforeAll(() => {
  const built = spawnSync(process.execPath, ["scripts/build.mjs", "--quiet", "--outdir", build], {
    encoding: "utf8",
  });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
});
afterAll(() => rmSync(build, { recursive: true, force: true }));

/** The bot as its npm script starts it: `npm start`, or `npm run start:postgres` on PostgreSQL. */
function startBot(env: Record<string, string>) {
  const flags = nodeFlags(env.DATABASE_URL ? "start:postgres" : "start", "main");
  return spawn(process.execPath, [...flags, path.join(build, "main.mjs")], {
    env: { PATH: process.env.PATH ?? "", ...env },
  });
}

function run(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = startBot(env);
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 45_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error("the bot did not answer /healthz in time");
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

  it("is what `npx csm` starts: the launcher passes its arguments, output and exit code through", () => {
    // bin/csm.js runs dist/cli.mjs (built by npm install) in a Node process of its own, with the
    // command's Node flags.
    const cli = spawnSync(process.execPath, ["bin/csm.js", "frobnicate"], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "" },
    });
    expect(cli.status).toBe(2);
    expect(cli.stdout + cli.stderr).toMatch(/Usage: csm <command>/);
    expect(cliNodeFlags(["import", "accounts", "book.csv"])).toEqual([
      "--v8-pool-size=1",
      "--optimize-for-size",
    ]);
    expect(cliNodeFlags(["import", "signals", "signals.csv"])).toEqual([
      "--v8-pool-size=1",
      "--heap-growing-percent=20",
      "--max-semi-space-size=4",
    ]);
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

  it("migrates its database on first start and answers the health check", async () => {
    const response = await waitForHealth(`http://127.0.0.1:${port}/healthz`, bot);
    expect(response.status).toBe(200);
    // The embedded database's cluster comes from a process of its own (src/db/pglite-cluster.ts).
    if (testEngine === "pglite")
      expect(output).toMatch(
        /created the embedded database in .+ in a process of its own that peaked at \d+ MB/,
      );
  });

  it.runIf(testEngine === "pglite")(
    "makes a CLI command on the same embedded database exit 1 at once",
    async () => {
      const cli = await cliSandbox({ DATA_DIR: env.DATA_DIR as string });
      const started = Date.now();
      const run = await cli.run("users", "list");
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/the bot \(pid \d+/);
      expect(Date.now() - started).toBeLessThan(10_000);
      await cli.destroy();
    },
  );

  it.runIf(testEngine === "postgres")(
    "says so when `npm start`, tuned for the embedded database, runs it on PostgreSQL",
    async () => {
      await waitForHealth(`http://127.0.0.1:${port}/healthz`, bot);
      const hint = /`npm run start:postgres` answers \/account faster/;
      // This bot was started with `npm run start:postgres`'s flags; a second one, side by side, with `npm start`'s.
      expect(output).not.toMatch(hint);
      const otherPort = await freePort();
      const other = spawn(process.execPath, [...nodeFlags("start", "main"), path.join(build, "main.mjs")], {
        env: { PATH: process.env.PATH ?? "", ...env, PORT: String(otherPort), LOG_LEVEL: "info" },
      });
      let otherOutput = "";
      other.stderr.on("data", (chunk) => (otherOutput += chunk));
      other.stdout.on("data", (chunk) => (otherOutput += chunk));
      try {
        await waitForHealth(`http://127.0.0.1:${otherPort}/healthz`, other);
        // Its log lines travel through a pipe of their own, which the health check may outrun.
        const deadline = Date.now() + 5_000;
        while (!hint.test(otherOutput) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        expect(otherOutput).toMatch(hint);
      } finally {
        other.kill("SIGKILL");
      }
    },
  );

  it.runIf(testEngine === "postgres")("lets the CLI work side by side on PostgreSQL", async () => {
    const cli = await cliSandbox({ DATABASE_URL: env.DATABASE_URL as string });
    const run = await cli.run("users", "list");
    expect(run.code).toBe(0);
  });

  it("stops cleanly on SIGTERM and never logs its tokens, even at debug level", async () => {
    const exited = new Promise<number | null>((resolve) => bot.on("exit", resolve));
    bot.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toMatch(/bot listening on port/);
    expect(output).not.toContain("xoxb-process-test-token");
    expect(output).not.toContain("process-test-signing-secret");
  });
});
