// Requests from the installed workspace only. Every workspace an app is installed in signs with the
// same secret, so a correctly signed request may still come from another workspace (or another
// organisation's Enterprise Grid): this global middleware compares the request's team and enterprise
// with those auth.test gives for the bot token, asked once, and refuses anything else.
import type { AnyMiddlewareArgs, Context, Middleware } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../logger.ts";

export interface Workspace {
  teamId: string | undefined;
  enterpriseId: string | undefined;
  isEnterpriseInstall: boolean;
}

/** Whether a request's team and enterprise are the installation's. */
export function fromInstalledWorkspace(installed: Workspace, request: Workspace): boolean {
  // An org-wide installation serves every workspace of its organisation.
  if (installed.isEnterpriseInstall)
    return Boolean(installed.enterpriseId) && request.enterpriseId === installed.enterpriseId;
  if (!request.teamId || request.teamId !== installed.teamId) return false;
  return !request.enterpriseId || !installed.enterpriseId || request.enterpriseId === installed.enterpriseId;
}

export const otherWorkspaceRefusal =
  "This app serves only the Slack workspace it was installed in: ask an admin of your own workspace to install it there.";

export function installedWorkspaceOnly(logger: Logger): Middleware<AnyMiddlewareArgs> {
  let installed: Promise<Workspace> | undefined;
  const ask = (client: WebClient): Promise<Workspace> => {
    installed ??= client.auth.test().then((answer) => ({
      teamId: answer.team_id,
      enterpriseId: answer.enterprise_id,
      isEnterpriseInstall: answer.is_enterprise_install === true,
    }));
    // A failed answer is asked again with the next request.
    installed.catch(() => {
      installed = undefined;
    });
    return installed;
  };
  return async (args) => {
    const request = requestWorkspace(args.context);
    let ours: Workspace;
    try {
      ours = await ask(args.client);
    } catch (error) {
      logger.error("auth.test failed, so a request's workspace cannot be checked: refused", error);
      await acknowledge(args, "This app cannot reach Slack right now: try again in a minute.");
      return;
    }
    if (fromInstalledWorkspace(ours, request)) {
      await args.next();
      return;
    }
    logger.warn(
      `refused a request from team ${request.teamId ?? "(none)"}, enterprise ${request.enterpriseId ?? "(none)"}: not the installed workspace`,
    );
    await acknowledge(args, otherWorkspaceRefusal);
  };
}

function requestWorkspace(context: Context): Workspace {
  return {
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall,
  };
}

/** Events are acknowledged by Bolt already; a slash command's answer is shown to its sender only. */
async function acknowledge(args: AnyMiddlewareArgs, text: string): Promise<void> {
  if (!("ack" in args) || !args.ack) return;
  if ("command" in args && args.command) await args.ack({ response_type: "ephemeral", text });
  else await (args.ack as () => Promise<void>)();
}
