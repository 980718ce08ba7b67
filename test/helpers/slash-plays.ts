// Runs /plays as a person through the running app and returns the reply, checked against Slack's limits.
import { expect } from "vitest";
import type { User } from "../../src/generated/prisma/client.ts";
import { expectWithinSlackLimits } from "./block-kit.ts";
import type { RunningApp } from "./running-app.ts";

export async function slashPlays<Message>(
  running: RunningApp,
  user: Pick<User, "slackUserId">,
): Promise<Message> {
  const reply = await running.requests.command("/plays", "", { userId: user.slackUserId });
  expect(reply.status).toBe(200);
  const message = JSON.parse(reply.body) as Message;
  expectWithinSlackLimits(message, "message");
  return message;
}
