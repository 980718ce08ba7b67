import type { App } from "@slack/bolt";
import type { AppDeps } from "../../deps.ts";
import { accountCommand, accountCommandHandler } from "./account.ts";

/** Every slash command the app registers; manifest.json must list exactly these (a test checks). */
export const slashCommands = [accountCommand];

export function registerCommands(app: App, deps: AppDeps): void {
  app.command(accountCommand.command, accountCommandHandler(deps));
}
