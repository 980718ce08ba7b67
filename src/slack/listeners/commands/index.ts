import type { App } from "@slack/bolt";
import type { AppDeps } from "../../deps.ts";
import { accountCommand, accountCommandHandler } from "./account.ts";
import { playsCommand, playsCommandHandler } from "./plays.ts";

/** Every slash command the app registers; manifest.json must list exactly these (a test checks). */
export const slashCommands = [accountCommand, playsCommand];

export function registerCommands(app: App, deps: AppDeps): void {
  app.command(accountCommand.command, accountCommandHandler(deps));
  app.command(playsCommand.command, playsCommandHandler(deps));
}
