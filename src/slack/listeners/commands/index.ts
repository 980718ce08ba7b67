import type { App } from "@slack/bolt";
import type { AppDeps } from "../../deps.ts";
import type { CommandArgs } from "../../handler.ts";
import { namesPattern, type Route, router } from "../router.ts";
import { accountCommand, accountCommandHandler } from "./account.ts";
import { playsCommand, playsCommandHandler } from "./plays.ts";

/** Each slash command and its handler: the one list both the listener and manifest.json's check read. */
const commands = [
  [accountCommand, accountCommandHandler],
  [playsCommand, playsCommandHandler],
] as const;

/** Every slash command the app registers; manifest.json must list exactly these (a test checks). */
export const slashCommands = commands.map(([command]) => command);

export function registerCommands(app: App, deps: AppDeps): void {
  const routes = commands.map(([command, handler]): Route<CommandArgs> => [command.command, handler(deps)]);
  app.command(
    namesPattern(routes),
    router(routes, ({ command }) => command.command),
  );
}
