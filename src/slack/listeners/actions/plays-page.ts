// "Next accounts" and "Back to the first" under /plays: the clicker's list again, from another account on,
// in place of the message clicked.
import type { AppDeps } from "../../deps.ts";
import { actionHandler, UserFacingError } from "../../handler.ts";
import { parsePlaysPageValue } from "../../parse/play-action.ts";
import { renderPlaysList } from "../../surfaces/play-surfaces.ts";
import { playsPageActions } from "../../views/plays-list.ts";

export const playsPageAction = new RegExp(`^(${playsPageActions.next}|${playsPageActions.first})$`);

export function playsPageHandler(deps: AppDeps) {
  return actionHandler(
    deps,
    async ({ action, respond }, caller) => {
      const offset = parsePlaysPageValue(action.type === "button" ? action.value : undefined);
      if (offset === null) throw new UserFacingError("That button is out of date. Run `/plays` again.");
      await respond({ replace_original: true, ...(await renderPlaysList(deps, caller.user, offset)) });
      return null;
    },
    { need: "read" },
  );
}
