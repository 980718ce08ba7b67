// Slack's directory of people through the Web API (users.info, users.lookupByEmail), and the workspace
// they are measured against (auth.test).
import type { WebClient } from "@slack/web-api";
import type { HomeWorkspace } from "../../domain/access/admission.ts";
import type { SlackDirectory, SlackProfile } from "../../services/ports.ts";

interface SlackUser {
  id?: string;
  name?: string;
  real_name?: string;
  tz?: string;
  deleted?: boolean;
  is_bot?: boolean;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  team_id?: string;
  enterprise_user?: { enterprise_id?: string };
  profile?: { email?: string; real_name?: string; display_name?: string };
}

// Slackbot is offered by user pickers but is no person; users.info reports it with is_bot false.
const slackbotId = "USLACKBOT";

function toProfile(user: SlackUser | undefined): SlackProfile | null {
  if (!user?.id) return null;
  return {
    slackUserId: user.id,
    email: user.profile?.email ?? null,
    name: user.real_name || user.profile?.real_name || user.profile?.display_name || user.name || null,
    timeZone: user.tz ?? null,
    isBot: Boolean(user.is_bot) || user.id === slackbotId,
    deleted: Boolean(user.deleted),
    standing: {
      deleted: Boolean(user.deleted),
      isBot: Boolean(user.is_bot) || user.id === slackbotId,
      isRestricted: Boolean(user.is_restricted),
      isUltraRestricted: Boolean(user.is_ultra_restricted),
      teamId: user.team_id ?? null,
      enterpriseId: user.enterprise_user?.enterprise_id ?? null,
    },
  };
}

function isNotFound(error: unknown, code: string): boolean {
  return (error as { data?: { error?: string } })?.data?.error === code;
}

export function slackDirectory(client: WebClient): SlackDirectory {
  let home: Promise<HomeWorkspace> | null = null;
  return {
    home() {
      // One answer per directory; a failed one is asked again next time.
      home ??= client.auth.test().then(
        (result) => ({
          teamId: String(result.team_id),
          enterpriseId: typeof result.enterprise_id === "string" ? result.enterprise_id : null,
        }),
        (error: unknown) => {
          home = null;
          throw error;
        },
      );
      return home;
    },
    async userInfo(slackUserId) {
      try {
        const result = await client.users.info({ user: slackUserId });
        return toProfile(result.user as SlackUser | undefined);
      } catch (error) {
        if (isNotFound(error, "user_not_found")) return null;
        throw error;
      }
    },
    async lookupByEmail(email) {
      try {
        const result = await client.users.lookupByEmail({ email });
        return toProfile(result.user as SlackUser | undefined);
      } catch (error) {
        if (isNotFound(error, "users_not_found")) return null;
        throw error;
      }
    },
  };
}
