// What listeners receive: the database, the clock, the logger, the access policy, the open App Homes. Slack's client comes
// with each request.
import type { WebClient } from "@slack/web-api";
import type { DataAccess } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { AccessPolicy, Clock, SlackDirectory } from "../services/ports.ts";
import type { HomeTabs } from "./surfaces/home-tabs.ts";
import { slackDirectory } from "./web/directory.ts";

/** What the app is built with; buildApp adds the access policy. */
export interface BaseDeps {
  db: DataAccess;
  logger: Logger;
  clock: Clock;
}

export interface AppDeps extends BaseDeps {
  access: AccessPolicy;
  homes: HomeTabs;
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
