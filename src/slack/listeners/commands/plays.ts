// /plays: the caller's open plays by account, the most urgent account first, each play with its buttons.
import type { AppDeps } from "../../deps.ts";
import { commandHandler } from "../../handler.ts";
import { renderPlaysList } from "../../surfaces/play-surfaces.ts";

export const playsCommand = {
  command: "/plays",
  description: "Your open plays, most urgent first: claim, snooze or close them",
};

export function playsCommandHandler(deps: AppDeps) {
  return commandHandler(deps, async (_args, caller) => renderPlaysList(deps, caller.user, 0), {
    need: "read",
  });
}
