// Requests from the installed workspace only. Every workspace an app is installed in signs with the
// same secret, so a correctly signed request may still come from another workspace (or another
// organisation's Enterprise Grid): this global middleware compares the request's team and enterprise
// with those auth.test gives for the bot token, asked once, and refuses anything else, with an audit
// row (coalesced: services/request-refusals.ts).
import type { AnyMiddlewareArgs, Context, Middleware } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../logger.ts";
import type { RequestRefusals } from "../services/request-refusals.ts";

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

export function installedWorkspaceOnly(
  logger: Logger,
  refusals: RequestRefusals,
): Middleware<AnyMiddlewareArgs> {
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
    await refusals.record({
      reason: "other_workspace",
      teamId: request.teamId ?? null,
      enterpriseId: request.enterpriseId ?? null,
      slackUserId: args.context.userId ?? null,
      request: requestName(args),
    });
    await acknowledge(args, otherWorkspaceRefusal);
  };
}

/** What a request asks for, in the words of the audit log's other refusals. */
function requestName(args: AnyMiddlewareArgs): string {
  if ("command" in args && args.command) return args.command.command;
  if ("action" in args && args.action) {
    const action = args.action as { action_id?: string; callback_id?: string };
    return `action ${action.action_id ?? action.callback_id ?? ""}`.trim();
  }
  if ("event" in args && args.event) return `event ${args.event.type}`;
  if ("view" in args && args.view) return `view ${args.view.callback_id}`;
  if ("shortcut" in args && args.shortcut) return `shortcut ${args.shortcut.callback_id}`;
  const body = args.body as { type?: unknown };
  return typeof body.type === "string" ? body.type : "request";
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
