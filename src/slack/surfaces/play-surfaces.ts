// After a play changes, the message it was clicked in is drawn again from the database, so everyone who
// sees that message sees the new owner or status: the caller's /plays list (on the page it showed), or the
// account card. A digest stays as it was sent; the clicker hears what changed.
import type { TeamMember } from "../../domain/team.ts";
import { accountCard } from "../../services/account-lookup.ts";
import { listAccountPlaysFor } from "../../services/play-listing.ts";
import type { AppDeps } from "../deps.ts";
import { accountCard as accountCardView } from "../views/account-card.ts";
import type { MessagePayload } from "../views/blocks.ts";
import type { PlaySurface } from "../views/play-blocks.ts";
import { playsList } from "../views/plays-list.ts";

/** The surface as it is now; null when there is nothing left to show (the account was removed). */
export async function renderPlaySurface(
  deps: AppDeps,
  surface: PlaySurface,
  caller: TeamMember,
  accountId: string,
): Promise<MessagePayload | null> {
  if (surface.kind === "plays") return renderPlaysList(deps, caller, surface.offset ?? 0);
  // A digest is the morning's picture, maybe in a channel two CSMs share: it is not drawn again.
  if (surface.kind === "digest") return null;
  // The App Home is drawn again by the click's own handler, which knows the Web API client.
  if (surface.kind === "home") return null;
  const now = deps.clock();
  const card = await accountCard(deps.db.client, accountId, now);
  if (!card) return null;
  return accountCardView(card, {
    today: now,
    ...(surface.sharedBy ? { shared: { bySlackId: surface.sharedBy } } : {}),
  });
}

/** The caller's /plays list from the `offset`-th account on. */
export async function renderPlaysList(
  deps: AppDeps,
  caller: TeamMember,
  offset: number,
): Promise<MessagePayload> {
  const now = deps.clock();
  return playsList(await listAccountPlaysFor(deps.db.client, caller, now), { now, offset });
}
