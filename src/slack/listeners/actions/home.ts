// The App Home's book menu: a manager switches between the team and each CSM's book, an admin between
// every book; the Home is drawn again with the book chosen, and keeps it until another is chosen.
import type { AppDeps } from "../../deps.ts";
import { actionHandler } from "../../handler.ts";
import { publishHome } from "../../surfaces/app-home.ts";
import { homeShowActionId } from "../../views/home.ts";

export const homeShowAction = homeShowActionId;

export function homeShowHandler(deps: AppDeps) {
  return actionHandler(
    deps,
    async ({ action, client }, caller) => {
      const value = action.type === "static_select" ? action.selected_option.value : "";
      const selection =
        value === "team" || value === "own"
          ? value
          : /^[UW][A-Z0-9]{2,20}$/.test(value)
            ? { csm: value }
            : "own";
      deps.homes.opened(caller.user.slackUserId, selection);
      await publishHome(deps, client, caller.user);
      return null;
    },
    { need: "read" },
  );
}
