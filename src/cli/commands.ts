// The CLI's commands: each parses its own arguments and calls one service.
import { appliedMigrationCount, applyMigrations } from "../db/migrate.ts";
import { formatProblem, parseAccountsCsv } from "../domain/accounts-csv.ts";
import { ImportFailure, importAccounts } from "../services/account-import.ts";
import {
  changeManager,
  changeRole,
  describeUser,
  isTeamMemberRef,
  roleProblem,
  TeamError,
  teamList,
} from "../services/team.ts";
import { accessCommands } from "./access-commands.ts";
import { arrCommands } from "./arr-commands.ts";
import { type CliCommand, commandArgs, readInputFile, sub, UsageError } from "./command.ts";
import { digestCommands } from "./digest-commands.ts";
import { digestSettingsCommand } from "./digest-settings-command.ts";
import { healthCommands } from "./health-commands.ts";
import { CliFailure, formatCount } from "./output.ts";
import { printable, tableRow } from "./printable.ts";
import { remindersCommands } from "./reminders-commands.ts";
import { seedCommand } from "./seed-command.ts";

async function teamCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TeamError) throw new CliFailure(`csm: ${error.message}`);
    throw error;
  }
}

/** A value that can name no one is a wrong command line (exit 2), not a refusal. */
function checkTeamMemberRefs(...refs: string[]): void {
  for (const ref of refs)
    if (!isTeamMemberRef(ref))
      throw new UsageError(`"${ref}" is neither a Slack user id (like U012AB3CD) nor an email`);
}

export const commands: CliCommand[] = [
  ...healthCommands,
  ...digestCommands,
  ...remindersCommands,
  ...accessCommands,
  ...arrCommands,
  {
    matches: sub("import", "accounts"),
    checkArgs: (rest) => void commandArgs(rest, 1, "import accounts <file.csv>"),
    async run(context, rest) {
      const [file] = commandArgs(rest, 1, "import accounts <file.csv>");
      const bytes = await readInputFile(file as string, "a CSV file");
      const parsed = parseAccountsCsv(bytes);
      context.progress(`Checking ${formatCount(parsed.rows.length, "account")} and their owners…`);
      const result = await importAccounts(
        {
          db: context.db,
          directory: context.directory,
          clock: context.clock,
          actor: context.actor,
          onProgress: (done, total) => context.progress(`Importing accounts… ${done}/${total}`),
        },
        parsed,
      ).catch((error) => {
        throw error instanceof ImportFailure ? new CliFailure(`csm: ${error.message}`) : error;
      });
      context.progress("");
      if (!result.ok) {
        for (const problem of result.problems) context.err(formatProblem(problem));
        throw new CliFailure(
          `${formatCount(result.problems.length, "problem")} in ${file}; nothing was imported. Fix the file and run the import again.`,
        );
      }
      const s = result.summary;
      context.summary(
        `Imported ${file}: ${formatCount(s.rows, "row")}: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged; ` +
          `${formatCount(s.ownersAdded, "new team member")}, ${formatCount(s.arrMovements, "ARR movement")} recorded` +
          (s.arrMovements === 0
            ? "."
            : s.arrDatedBy === "file"
              ? ", dated by the file's ARR date column."
              : ", dated today (the file has no ARR date column, such as ARR Effective Date)."),
        { file, ...s },
      );
    },
  },
  {
    matches: sub("users", "list"),
    async run(context) {
      const users = await teamList(context.db.client);
      if (users.length === 0) {
        context.out("No team members yet. They appear when they own an imported account or use the bot.");
        return;
      }
      context.out(tableRow(["SLACK ID", "NAME", "EMAIL", "ROLE", "MANAGER", "ACCOUNTS"]));
      for (const user of users) {
        context.out(
          tableRow([
            user.slackUserId,
            user.name,
            user.email,
            user.role,
            user.manager ? (user.manager.name ?? user.manager.slackUserId) : null,
            String(user._count.accounts),
          ]),
        );
      }
    },
  },
  {
    matches: sub("users", "set-role"),
    checkArgs(rest) {
      const [who, role] = commandArgs(rest, 2, "users set-role <slack-id|email> <viewer|csm|manager|admin>");
      checkTeamMemberRefs(who as string);
      const wrongRole = roleProblem(role as string);
      if (wrongRole) throw new UsageError(wrongRole);
    },
    async run(context, rest) {
      const [who, role] = commandArgs(rest, 2, "users set-role <slack-id|email> <viewer|csm|manager|admin>");
      const user = await teamCall(() =>
        changeRole(context.db, context.directory, context.actor, who as string, role as string),
      );
      context.out(`${printable(describeUser(user))} is now ${role}.`);
    },
  },
  {
    matches: sub("users", "set-manager"),
    checkArgs(rest) {
      checkTeamMemberRefs(...commandArgs(rest, 2, "users set-manager <csm> <manager>"));
    },
    async run(context, rest) {
      const [csm, manager] = commandArgs(rest, 2, "users set-manager <csm> <manager>");
      const pair = await teamCall(() =>
        changeManager(context.db, context.directory, context.actor, csm as string, manager as string),
      );
      context.out(
        `${printable(describeUser(pair.csm))} now reports to ${printable(describeUser(pair.manager))}.`,
      );
    },
  },
  digestSettingsCommand,
  seedCommand,
  {
    matches: sub("db", "migrate"),
    async run(context) {
      // Opening the database already applied pending migrations; this reports the state.
      const applied = await applyMigrations(context.db);
      const total = await appliedMigrationCount(context.db);
      context.summary(
        `Database is up to date (${formatCount(total, "migration")} applied${applied.length ? `, ${applied.length} just now` : ""}).`,
        { migrations: total, appliedNow: applied },
      );
    },
  },
];
