import type { App } from "@slack/bolt";
import type { AppDeps } from "../../deps.ts";
import { appHomeOpenedHandler } from "./app-home.ts";

/** Every event the app subscribes to; manifest.json must list exactly these (a test checks). */
export const botEvents = ["app_home_opened"];

export function registerEvents(app: App, deps: AppDeps): void {
  app.event("app_home_opened", appHomeOpenedHandler(deps));
}
