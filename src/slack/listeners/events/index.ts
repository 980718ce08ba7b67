import type { App } from "@slack/bolt";
import type { AppDeps } from "../../deps.ts";
import { appHomeOpenedHandler } from "./app-home.ts";

/** Each event the app subscribes to and its handler: the one list the listeners and manifest.json's check read. */
const events = [["app_home_opened", appHomeOpenedHandler]] as const;

/** Every event the app subscribes to; manifest.json must list exactly these (a test checks). */
export const botEvents = events.map(([event]) => event);

export function registerEvents(app: App, deps: AppDeps): void {
  for (const [event, handler] of events) app.event(event, handler(deps));
}
