// Draws a person's App Home from the database and publishes it: when they open the tab, when they pick
// another book to see, after a click in it, and when data under an open Home changes (home-tabs.ts).
import type { WebClient } from "@slack/web-api";
import type { TeamMember } from "../../domain/team.ts";
import { demoAccountsOnOffer } from "../../services/demo-claim.ts";
import { digestSettingsOf } from "../../services/digest-settings.ts";
import { homeDashboard } from "../../services/home-dashboard.ts";
import { identifyCaller } from "../caller.ts";
import type { AppDeps } from "../deps.ts";
import { refusedHomeView } from "../views/access-refusals.ts";
import { digestSettingsLine } from "../views/digest-settings-modal.ts";
import { homeView } from "../views/home.ts";
import { renewalOutcomeButton } from "../views/renewal-outcome-modal.ts";

export async function publishHome(
  deps: AppDeps,
  client: WebClient,
  user: TeamMember,
  notice?: string,
): Promise<void> {
  const now = deps.clock();
  const [dashboard, onOffer] = await Promise.all([
    homeDashboard(deps.db, user, deps.homes.selectionOf(user.slackUserId), now),
    demoAccountsOnOffer(deps.db.client),
  ]);
  const view = homeView(dashboard, now, {
    demoAccountsOnOffer: onOffer,
    digest: digestSettingsLine(digestSettingsOf(user)),
    outcomeButton: renewalOutcomeButton,
    ...(notice ? { notice } : {}),
  });
  await client.views.publish({ user_id: user.slackUserId, view: view as never });
}

/** The Home of someone who may have lost access since it was drawn is drawn as the refusal. */
export async function redrawHome(
  deps: AppDeps,
  client: WebClient,
  slackUserId: string,
  notice?: string,
): Promise<void> {
  const identified = await identifyCaller(deps, slackUserId, "home", "read");
  if (identified.ok) await publishHome(deps, client, identified.caller.user, notice);
  else await client.views.publish({ user_id: slackUserId, view: refusedHomeView(identified.text) as never });
}
