// The one Block Kit limits assertion every view and integration test calls on what it sends to Slack.
import { expect } from "vitest";
import { checkBlockKitLimits, type Surface } from "../../src/slack/views/limits.ts";

/** Fails the test with every violation listed, e.g. `blocks[3] (section).text.text is 3001 characters, max 3000`. */
export function expectWithinSlackLimits(payload: unknown, surface: Surface): void {
  const violations = checkBlockKitLimits(payload, surface);
  expect(
    violations,
    `Slack ${surface} payload breaks Block Kit limits:\n  ${violations.join("\n  ")}`,
  ).toEqual([]);
}
