import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { slashCommands } from "../../src/slack/listeners/commands/index.ts";
import { botEvents } from "../../src/slack/listeners/events/index.ts";
import { messageShortcuts } from "../../src/slack/listeners/shortcuts/index.ts";
import { botScopes } from "../../src/slack/web/scopes.ts";

interface Manifest {
  display_information: { name: string };
  features: {
    bot_user?: { display_name: string };
    app_home?: { messages_tab_enabled?: boolean; messages_tab_read_only_enabled?: boolean };
    slash_commands?: { command: string; description: string; usage_hint?: string }[];
    shortcuts?: unknown[];
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions?: { bot_events: string[] };
    interactivity?: { is_enabled: boolean };
    socket_mode_enabled?: boolean;
  };
}

const manifest = JSON.parse(
  readFileSync(new URL("../../manifest.json", import.meta.url), "utf8"),
) as Manifest;
const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("manifest.json", () => {
  it("declares a bot user, interactivity and Socket Mode", () => {
    expect(manifest.features.bot_user?.display_name).toBeTruthy();
    expect(manifest.settings.interactivity?.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
  });

  it("shows the app's Messages tab, read-only, so a digest sent as a direct message is seen", () => {
    expect(manifest.features.app_home?.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home?.messages_tab_read_only_enabled).toBe(true);
  });

  it("lists exactly the slash commands the app registers, with their descriptions", () => {
    expect(
      manifest.features.slash_commands?.map(({ command, description, usage_hint }) => ({
        command,
        description,
        usage_hint,
      })),
    ).toEqual(slashCommands);
    for (const command of manifest.features.slash_commands ?? []) {
      expect(command.command).toMatch(/^\/[a-z0-9_-]{1,31}$/);
      expect(command.description.length).toBeLessThanOrEqual(100);
    }
  });

  it("lists exactly the message shortcuts the app registers", () => {
    expect(manifest.features.shortcuts).toEqual(
      messageShortcuts.map(({ callback_id, name, description }) => ({
        name,
        type: "message",
        callback_id,
        description,
      })),
    );
  });

  it("subscribes to exactly the events the app listens to", () => {
    expect(manifest.settings.event_subscriptions?.bot_events).toEqual(botEvents);
  });

  it("asks only for the scopes the code uses, no user scopes, each justified in the README", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(Object.keys(botScopes).sort());
    expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
    for (const scope of Object.keys(botScopes)) expect(readme).toContain(`\`${scope}\``);
  });
});
