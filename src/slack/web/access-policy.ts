// The access policy over the Web API: users.info answers kept for a few minutes (a person made a guest or
// deactivated loses access within that time, and a burst of clicks asks Slack once), auth.test once.
import type { WebClient } from "@slack/web-api";
import type { AccessMode } from "../../domain/access/admission.ts";
import type { AccessPolicy, SlackProfile } from "../../services/ports.ts";
import { slackDirectory } from "./directory.ts";

export const standingTtlMs = 5 * 60_000;
/** Bounds the cache's memory; past it the oldest answers go first. */
const maxCachedPeople = 5_000;

/** `now` is the wall clock in ms: the cache's age is real time, whatever the app's business clock says. */
export function webAccessPolicy(
  client: WebClient,
  mode: AccessMode,
  now: () => number = Date.now,
): AccessPolicy {
  const directory = slackDirectory(client);
  const cache = new Map<string, { profile: SlackProfile | null; at: number }>();
  return {
    mode,
    async profile(slackUserId) {
      const asked = now();
      const cached = cache.get(slackUserId);
      if (cached && asked - cached.at < standingTtlMs) return cached.profile;
      const profile = await directory.userInfo(slackUserId);
      cache.delete(slackUserId);
      cache.set(slackUserId, { profile, at: asked });
      if (cache.size > maxCachedPeople) cache.delete(cache.keys().next().value as string);
      return profile;
    },
    home: () => directory.home(),
  };
}
