// `csm seed --demo [--owner <slack-id|email>]...`: loads the demo book, for the people named or for a
// made-up team that the first person to open the App Home can take over.
import { demoBookRefusal, seedDemoBook } from "../demo/book.ts";
import type { TeamMember } from "../domain/team.ts";
import { describeUser, findTeamMember, TeamError } from "../services/team.ts";
import { type CliCommand, type CliContext, UsageError } from "./command.ts";
import { CliFailure, formatCount } from "./output.ts";

const shape = "seed --demo [--owner <slack-id|email>]...";

/** The owners named on the command line, in order and without repeats. */
export function parseSeedArgs(rest: string[]): string[] {
  const owners: string[] = [];
  let demo = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === "--demo") demo = true;
    else if (arg === "--owner" || arg.startsWith("--owner=")) {
      const value = arg === "--owner" ? rest[++i] : arg.slice("--owner=".length);
      if (!value || value.startsWith("--"))
        throw new UsageError(`--owner needs a Slack user id or an email: ${shape}`);
      if (!owners.includes(value)) owners.push(value);
    } else throw new UsageError(`unexpected "${arg}": ${shape}`);
  }
  if (!demo) throw new UsageError(`expected: ${shape}`);
  return owners;
}

/** Each owner as a team member, looked up in Slack by email (or for their profile) when a token is set. */
async function resolveOwners(context: CliContext, refs: string[]): Promise<TeamMember[]> {
  const owners: TeamMember[] = [];
  for (const ref of refs) {
    try {
      const owner = await findTeamMember(context.db, context.directory, ref);
      if (!owners.some((known) => known.id === owner.id)) owners.push(owner);
    } catch (error) {
      if (error instanceof TeamError) throw new CliFailure(`csm: --owner ${ref}: ${error.message}`);
      throw error;
    }
  }
  return owners;
}

function ownersText(owners: TeamMember[]): string {
  const names = owners.map(describeUser);
  if (names.length === 1) return names[0] as string;
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}; ${names[0]} leads the team`;
}

export const seedCommand: CliCommand = {
  matches: (group) => group === "seed",
  async run(context, rest) {
    const refs = parseSeedArgs(rest);
    // Checked before the owners are looked up, so that a refused seed adds no one to the team.
    const refusal = await demoBookRefusal(context.db.client);
    if (refusal) throw new CliFailure(`csm: ${refusal}`);
    const owners = await resolveOwners(context, refs);
    context.progress("Loading the demo book…");
    const result = await seedDemoBook(context.db, context.clock(), context.actor, owners);
    context.progress("");
    if (!result.ok) throw new CliFailure(`csm: ${result.reason}`);
    const whose = owners.length
      ? `owned by ${ownersText(owners)}`
      : `for ${formatCount(result.csms, "made-up CSM")}; open the bot's App Home to make them yours`;
    const { ok: _, ...counts } = result;
    context.summary(
      `Loaded the demo book: ${formatCount(result.accounts, "account")} and ${formatCount(result.openPlays, "open play")} ${whose}. ` +
        `${formatCount(result.touches, "touch")}, ${formatCount(result.stakeholders, "stakeholder")}. Try /account ${result.example} and /plays.`,
      { ...counts, owners: owners.map((owner) => owner.slackUserId) },
    );
  },
};
