// Draws a person's App Home from the database and publishes it: when they open the tab, and after a click
// in it changes what it shows.
import type { WebClient } from "@slack/web-api";
import type { TeamMember } from "../../domain/team.ts";
import { bookSummary } from "../../services/book.ts";
import { demoAccountsOnOffer } from "../../services/demo-claim.ts";
import { digestSettingsOf } from "../../services/digest-settings.ts";
import type { AppDeps } from "../deps.ts";
import { digestSettingsLine } from "../views/digest-settings-modal.ts";
import { homeView } from "../views/home.ts";

export async function publishHome(
  deps: AppDeps,
  client: WebClient,
  user: TeamMember,
  notice?: string,
): Promise<void> {
  const [summary, onOffer] = await Promise.all([
    bookSummary(deps.db, user.id, deps.clock()),
    demoAccountsOnOffer(deps.db.client),
  ]);
  const view = homeView(summary, {
    demoAccountsOnOffer: onOffer,
    digest: digestSettingsLine(digestSettingsOf(user)),
    ...(notice ? { notice } : {}),
  });
  await client.views.publish({ user_id: user.slackUserId, view: view as never });
}
