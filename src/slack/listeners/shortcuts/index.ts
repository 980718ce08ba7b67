import type { App, MessageShortcut } from "@slack/bolt";
import type { AppDeps } from "../../deps.ts";
import { logAsTouchHandler, logAsTouchShortcut } from "./log-as-touch.ts";

/** Every shortcut the app registers; manifest.json must list exactly these (a test checks). */
export const messageShortcuts = [logAsTouchShortcut];

export function registerShortcuts(app: App, deps: AppDeps): void {
  app.shortcut<MessageShortcut>(
    { type: "message_action", callback_id: logAsTouchShortcut.callback_id },
    logAsTouchHandler(deps),
  );
}
