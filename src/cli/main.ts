// The `csm` command: loads data, manages the team, migrates. Exit codes: 0 done, 1 the input or the
// environment was refused (the message says why), 2 the command line itself was wrong.
import { userInfo } from "node:os";
import { ConfigError, configSecrets, loadConfig } from "../config.ts";
import { DataDirBusyError, DataDirError } from "../db/data-dir-lock.ts";
import type { Actor } from "../db/repositories/audit.ts";
import { createLogger, redact } from "../logger.ts";
import { type CliContext, UsageError } from "./command.ts";
import { CliFailure } from "./output.ts";
import { clusterAnnouncer, terminalProgress } from "./progress.ts";

export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export async function runCli(
  commandLine: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  // --json goes anywhere on the command line: no progress, and commands that report a summary print it
  // as one JSON object.
  const json = commandLine.includes("--json");
  const argv = commandLine.filter((arg) => arg !== "--json");
  const [group, ...rest] = argv;
  if (!group || group === "help" || group === "--help" || group === "-h") {
    io.stdout.write(usage());
    return group ? 0 : 2;
  }
  // The commands, and through them Prisma, the database and Slack's client, load only for a command
  // line worth running: help and usage answer at once.
  const { commands } = await import("./commands.ts");
  const command = commands.find((c) => c.matches(group, rest));
  if (!command) {
    const forms = usageOf(group);
    io.stderr.write(
      forms.length && !rest.length
        ? `csm: ${group} needs a subcommand:\n${forms.join("\n")}\n`
        : `csm: unknown command "${argv.join(" ")}"\n\n${usage()}`,
    );
    return 2;
  }
  try {
    command.checkArgs?.(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`csm: ${error.message}\n\n${usage()}`);
      return 2;
    }
    throw error;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env, "cli");
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`${asCliError(error.message)}\n`);
      return 1;
    }
    throw error;
  }
  const secrets = configSecrets(config);
  const logger = createLogger({
    level: config.logLevel === "info" ? "warn" : config.logLevel,
    secrets,
    name: "csm",
    write: (line) => io.stderr.write(`${line}\n`),
  });
  const [
    { openMigratedDatabase },
    { createNotifierClient, createWebClient },
    { slackDirectory },
    { slackNotifier },
  ] = await Promise.all([
    import("../runtime.ts"),
    import("../slack/web/client-options.ts"),
    import("../slack/web/directory.ts"),
    import("../slack/web/notifier.ts"),
  ]);
  const client = createWebClient(config, logger);
  const progress = terminalProgress(io.stderr, Boolean(io.stderr.isTTY) && !json);
  const cluster = clusterAnnouncer(progress);
  let db: Awaited<ReturnType<typeof openMigratedDatabase>> | undefined;
  try {
    db = await openMigratedDatabase(config, "cli", `csm ${argv.join(" ")}`, logger, {
      clusterProgress: cluster,
    }).finally(cluster.stop);
    const actor: Actor = { userId: null, label: `cli:${safeUserName()}`, source: "cli" };
    const context: CliContext = {
      db,
      directory: client ? slackDirectory(client) : null,
      notifier: client ? slackNotifier(createNotifierClient(config, logger) ?? client, logger) : null,
      actor,
      clock: () => new Date(),
      out: (line) => io.stdout.write(`${line}\n`),
      err: (line) => io.stderr.write(`${line}\n`),
      progress: progress.status,
      summary: (text, data) => io.stdout.write(`${json ? JSON.stringify(data) : text}\n`),
    };
    await command.run(context, rest);
    return 0;
  } catch (error) {
    progress.status("");
    if (error instanceof UsageError) {
      io.stderr.write(`csm: ${error.message}\n\n${usage()}`);
      return 2;
    }
    if (error instanceof CliFailure || error instanceof DataDirBusyError || error instanceof DataDirError) {
      io.stderr.write(`${asCliError(error.message)}\n`);
      return 1;
    }
    if (isConnectionLost(error)) {
      io.stderr.write(
        `csm: the connection to the database was lost (the bot or PostgreSQL stopped): what this command had not committed is rolled back. Run it again.\n`,
      );
      return 1;
    }
    io.stderr.write(
      `csm: ${redact(error instanceof Error ? (error.stack ?? error.message) : String(error), secrets)}\n`,
    );
    return 1;
  } finally {
    await db?.close();
  }
}

/** node-postgres's words for a connection that ended under a query, however Prisma wraps them. */
function isConnectionLost(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : String(error);
  return /Connection terminated|ConnectionClosed|ECONNRESET|EPIPE|ECONNREFUSED|Server has closed the connection/i.test(
    text,
  );
}

/** Every error the CLI prints starts with "csm:", so that it reads as the CLI's among other output. */
function asCliError(message: string): string {
  return message.startsWith("csm: ") ? message : `csm: ${message}`;
}

/** The usage lines of a command group ("users"): what `csm users` alone answers. */
function usageOf(group: string): string[] {
  return usage()
    .split("\n")
    .filter((line) => line.startsWith(`  ${group} `));
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}

export function usage(): string {
  return `Usage: csm <command>

  import accounts <file.csv>            load or update accounts from a CRM export
  users list                            the team: roles, managers, books
  users add <slack-id|email> [--role viewer|csm|manager|admin]
                                        put a person on the team (viewer unless said); only the
                                        team uses the bot unless ACCESS=workspace
  users set-role <slack-id|email> <viewer|csm|manager|admin>
  users set-manager <csm> <manager>     both as Slack id or email
  users digest <slack-id|email> [--time HH:MM] [--days mon-fri] [--channel <id>|dm]
               [--tz <Area/City>|slack] [--pause-until YYYY-MM-DD|off]
                                        show or change when and where a person's digest comes
  import signals <file.csv|file.json>   load health-signal snapshots and re-score those accounts
  import arr <file.csv>                 load the ARR ledger (external_id,date,type,amount,reason) of
                                        the accounts it names, replacing their imported movements
  metrics [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--qtd]
          [--user <slack-id|email>...|--segment S|--team <manager>]
                                        NRR, GRR, churn, logo retention, renewal rate, NPS, CSAT;
                                        default: the company over the trailing 12 months
  health config show                    the health score's weights and thresholds (JSON)
  health config set <file.json>         validate, save and re-score every account
  health rescore                        re-score every account now
  seed --demo [--owner <slack-id|email>]...
                                        load a demo book into an empty database, owned by these
                                        people (the first leads the others) or by a made-up team
  db migrate                            apply pending database migrations
  settings share-card <redacted|full>    what Share in channel posts: rounded ARR and no notes, or
                                        the full card (audited)
  audit [--since YYYY-MM-DD] [--user <slack-id>]
                                        the audit log: who changed what, and who was refused what
  digest --now [--user <slack-id>]... [--date YYYY-MM-DD] [--dry-run] [--force]
                                        build today's digests and post them now, whatever the day
                                        and hour; never twice for a date unless --force; --dry-run
                                        prints them (with --json, as Block Kit) and posts nothing
  digest log [--date YYYY-MM-DD]        who got a digest, where, and what failed
  reminders --now [--date YYYY-MM-DD] [--dry-run]
                                        send the renewal calendar's reminders due today (or on
                                        --date) now, each step once; --dry-run prints them (with
                                        --json, as Block Kit) and writes and posts nothing
  reminders log [--date YYYY-MM-DD]     which reminders went out that day, where, and what failed

--json: imports, re-scores, health config set, users digest, seed, digest, reminders, metrics and
db migrate print their summary as one JSON object; no progress.
Environment: DATABASE_URL or DATA_DIR chooses the database; SLACK_BOT_TOKEN lets imports and seed
resolve owners by email and fetch names and time zones. See README.md.
`;
}
