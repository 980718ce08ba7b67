// What listeners receive: the database, the clock, the logger. Slack's client comes with each request.
import type { WebClient } from "@slack/web-api";
import type { PreparedStatements } from "../db/prepared-statements.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Logger } from "../logger.ts";
import type { Clock, SlackDirectory } from "../services/ports.ts";
import { slackDirectory } from "./web/directory.ts";

export interface AppDeps {
  prisma: PrismaClient;
  /** The hot reads (the /account lookup) as prepared statements; everything else goes through prisma. */
  reads: PreparedStatements;
  logger: Logger;
  clock: Clock;
}

const directories = new WeakMap<WebClient, SlackDirectory>();

export function directoryFor(_deps: AppDeps, client: WebClient): SlackDirectory {
  let directory = directories.get(client);
  if (!directory) {
    directory = slackDirectory(client);
    directories.set(client, directory);
  }
  return directory;
}
