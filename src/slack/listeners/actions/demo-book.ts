// "Make the demo accounts mine" on the App Home: the clicker takes the demo book over from the made-up
// team, and their Home is drawn again with their new book (or why there was nothing left to take).
import { claimDemoBook } from "../../../services/demo-claim.ts";
import type { AppDeps } from "../../deps.ts";
import { actionHandler } from "../../handler.ts";
import { publishHome } from "../../surfaces/app-home.ts";
import { claimDemoBookActionId } from "../../views/home.ts";

export const demoBookClaimAction = claimDemoBookActionId;

export function demoBookClaimHandler(deps: AppDeps) {
  return actionHandler(deps, async ({ client }, caller) => {
    const claim = await claimDemoBook(deps.db, caller.user);
    const notice = claim.ok
      ? `:white_check_mark: The demo book is yours: ${claim.accounts} accounts and ${claim.openPlays} open plays. Try \`/plays\`.`
      : `:information_source: ${claim.message}`;
    await publishHome(deps, client, caller.user, notice);
    return null;
  });
}
