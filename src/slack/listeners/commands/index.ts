import type { App } from "@slack/bolt";
import type { AppDeps } from "../../deps.ts";
import { accountCommand, accountCommandHandler } from "./account.ts";
import { playsCommand, playsCommandHandler } from "./plays.ts";
import { portfolioCommand, portfolioCommandHandler } from "./portfolio.ts";
import { prepCommand, prepCommandHandler } from "./prep.ts";
import { qbrCommand, qbrCommandHandler } from "./qbr.ts";
import { stakeholdersCommand, stakeholdersCommandHandler } from "./stakeholders.ts";
import { touchCommand, touchCommandHandler } from "./touch.ts";

/** Each slash command and its handler: the one list both the listener and manifest.json's check read. */
const commands = [
  [accountCommand, accountCommandHandler],
  [playsCommand, playsCommandHandler],
  [touchCommand, touchCommandHandler],
  [stakeholdersCommand, stakeholdersCommandHandler],
  [prepCommand, prepCommandHandler],
  [qbrCommand, qbrCommandHandler],
  [portfolioCommand, portfolioCommandHandler],
] as const;

/** Every slash command the app registers; manifest.json must list exactly these (a test checks). */
export const slashCommands = commands.map(([command]) => command);

export function registerCommands(app: App, deps: AppDeps): void {
  for (const [command, handler] of commands) app.command(command.command, handler(deps));
}
