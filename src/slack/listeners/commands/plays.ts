// /plays: the caller's plays that are not closed, most urgent first, each with Claim, Snooze and Close.
import { listPlaysFor } from "../../../services/play-listing.ts";
import type { AppDeps } from "../../deps.ts";
import { commandHandler } from "../../handler.ts";
import { playsList } from "../../views/plays-list.ts";

export const playsCommand = {
  command: "/plays",
  description: "Your open plays, most urgent first: claim, snooze or close them",
};

export function playsCommandHandler(deps: AppDeps) {
  return commandHandler(deps, async (_args, caller) => {
    const now = deps.clock();
    return playsList(await listPlaysFor(deps.db.client, caller.user, now), now);
  });
}
