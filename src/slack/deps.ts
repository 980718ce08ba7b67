// What listeners receive: the database, the clock, the logger. Slack's client comes with each request.
import type { WebClient } from "@slack/web-api";
import type { DataAccess } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { Clock, SlackDirectory } from "../services/ports.ts";
import { slackDirectory } from "./web/directory.ts";

export interface AppDeps {
  db: DataAccess;
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
