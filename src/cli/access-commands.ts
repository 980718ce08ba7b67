// `csm users add <slack id|email> [--role viewer|csm|manager|admin]` puts a person on the team;
// `csm audit [--since YYYY-MM-DD] [--user <slack id>]` prints the audit log, refusals included;
// `csm settings share-card <redacted|full>` chooses what Share in channel posts (audited).
import { listAudit } from "../db/repositories/audit.ts";
import { setSharesFullCard } from "../services/share-settings.ts";
import { addTeamMember, describeUser, isTeamMemberRef, roleProblem, TeamError } from "../services/team.ts";
import { type CliCommand, UsageError } from "./command.ts";
import { dateArg } from "./digest-commands.ts";
import { CliFailure } from "./output.ts";

const addShape = "users add <slack-id|email> [--role viewer|csm|manager|admin]";
const auditShape = "audit [--since YYYY-MM-DD] [--user <slack-id>]";
/** More than a screenful is for --json and a file; the newest rows are the ones asked about. */
const auditRowsShown = 1000;

/** `--name value` pairs after the positional values; unknown or repeated flags are usage errors. */
function flagsOf(args: string[], known: string[], shape: string): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i] as string, args[i + 1]];
    if (!known.includes(flag) || value === undefined || flag in flags)
      throw new UsageError(`expected: ${shape}`);
    flags[flag] = value;
  }
  return flags;
}

function parseAdd(rest: string[]): { who: string; role: string } {
  const [who, ...more] = rest.slice(1);
  if (!who || !isTeamMemberRef(who)) throw new UsageError(`expected: ${addShape}`);
  const role = flagsOf(more, ["--role"], addShape)["--role"] ?? "viewer";
  const wrongRole = roleProblem(role);
  if (wrongRole) throw new UsageError(wrongRole);
  return { who, role };
}

function parseAudit(rest: string[]): { since?: Date; slackUserId?: string } {
  const flags = flagsOf(rest, ["--since", "--user"], auditShape);
  const since = flags["--since"];
  return {
    ...(since === undefined ? {} : { since: dateArg(since, "--since") }),
    ...(flags["--user"] ? { slackUserId: flags["--user"] } : {}),
  };
}

/** One line per row; the CLI's own output escaping applies to what people typed. */
function auditLine(row: {
  createdAt: Date;
  actorLabel: string;
  source: string;
  action: string;
  entityType: string;
  entityId: string;
  changes: unknown;
}): string {
  const changes = row.changes === null ? "" : JSON.stringify(row.changes);
  return [
    row.createdAt.toISOString(),
    row.actorLabel,
    row.source,
    row.action,
    `${row.entityType} ${row.entityId}`,
    changes,
  ].join("\t");
}

const shareShape = "settings share-card <redacted|full>";

function parseShareCard(rest: string[]): boolean {
  const [choice, ...more] = rest.slice(1);
  if (more.length || (choice !== "redacted" && choice !== "full"))
    throw new UsageError(`expected: ${shareShape}`);
  return choice === "full";
}

export const accessCommands: CliCommand[] = [
  {
    matches: (group, rest) => group === "settings" && rest[0] === "share-card",
    checkArgs: (rest) => void parseShareCard(rest),
    async run(context, rest) {
      const full = parseShareCard(rest);
      await setSharesFullCard(context.db, context.actor, full);
      context.summary(
        full
          ? "Share in channel now posts the full card: exact ARR, sentiment, health reasons and touch notes."
          : "Share in channel now posts the redacted card.",
        { shareCard: full ? "full" : "redacted" },
      );
    },
  },
  {
    matches: (group, rest) => group === "users" && rest[0] === "add",
    checkArgs: (rest) => void parseAdd(rest),
    async run(context, rest) {
      const { who, role } = parseAdd(rest);
      const user = await addTeamMember(context.db, context.directory, context.actor, who, role).catch(
        (error) => {
          throw error instanceof TeamError ? new CliFailure(`csm: ${error.message}`) : error;
        },
      );
      context.summary(`${describeUser(user)} is on the team, as ${role}.`, {
        slackUserId: user.slackUserId,
        role,
      });
    },
  },
  {
    matches: (group) => group === "audit",
    checkArgs: (rest) => void parseAudit(rest),
    async run(context, rest) {
      const rows = await listAudit(context.db.client, { ...parseAudit(rest), limit: auditRowsShown });
      if (rows.length === 0) {
        context.out("No audit rows match.");
        return;
      }
      context.out(["WHEN", "WHO", "FROM", "ACTION", "ON", "CHANGES"].join("\t"));
      for (const row of rows) context.out(auditLine(row));
      if (rows.length === auditRowsShown)
        context.err(`Only the newest ${auditRowsShown} rows are shown; narrow with --since or --user.`);
    },
  },
];
