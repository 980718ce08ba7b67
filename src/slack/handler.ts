// The one wrapper around every listener: acknowledge within Slack's 3 seconds, identify the caller and
// refuse whoever may not ask (caller.ts), run the use case, and turn a failure into an ephemeral message
// instead of silence.
import { randomBytes } from "node:crypto";
import type {
  AllMiddlewareArgs,
  BlockAction,
  MessageShortcut,
  RespondFn,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackOptionsMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewResponseAction,
  ViewSubmitAction,
} from "@slack/bolt";
import { type Caller, identifyCaller, type Need } from "./caller.ts";
import type { AppDeps } from "./deps.ts";
import { redrawHome } from "./surfaces/app-home.ts";
import { type MessagePayload, type ModalView, noticeModal, section } from "./views/blocks.ts";

export type { Caller } from "./caller.ts";

/** A problem the user can fix: shown to them as is. */
export class UserFacingError extends Error {}

/** Slack allows 3 s; past this budget we ack empty and deliver the answer through response_url. */
const ackBudgetMs = 2000;

export type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;
export type ActionArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;
type ViewArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;
export type MessageShortcutArgs = AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>;

/** How a modal submission is answered: field errors, another view, or nothing (the modal closes). */
export type ViewSubmissionReply =
  | { response_action: "errors"; errors: Record<string, string> }
  | { response_action: "update"; view: ModalView };

export interface ViewSubmissionOutcome {
  reply?: ViewSubmissionReply;
  /** Work that may take longer (updating the message the modal came from): runs after the ack. */
  afterAck?: () => Promise<void>;
}

/** Whether a listener only reads (viewers may use it) or may change something (the default). */
export interface ListenerOptions {
  need?: Need;
}

/** Runs `run` for an admitted caller; a refused one gets the refusal as the reply. */
async function asCaller<T>(
  deps: AppDeps,
  slackUserId: string,
  request: string,
  options: ListenerOptions,
  run: (caller: Caller) => Promise<T>,
): Promise<T | MessagePayload> {
  const need = options.need ?? "write";
  const identified = await identifyCaller(deps, slackUserId, request, need);
  if (!identified.ok) return refusalReply(identified.text);
  const result = await run(identified.caller);
  // What may have changed shows on the App Homes that are open.
  if (need === "write") deps.homes.changed();
  return result;
}

export function commandHandler(
  deps: AppDeps,
  run: (args: CommandArgs, caller: Caller) => Promise<MessagePayload>,
  options: ListenerOptions = {},
): (args: CommandArgs) => Promise<void> {
  return (args) =>
    answerCommand(deps, args, () =>
      asCaller(deps, args.command.user_id, args.command.command, options, (caller) => run(args, caller)),
    );
}

/** Answers inside the ack when the work is done within the budget, else acks and answers through response_url. */
async function answerCommand(
  deps: AppDeps,
  args: CommandArgs,
  work: () => Promise<MessagePayload>,
): Promise<void> {
  const reply = work().then(
    (payload) => payload,
    (error: unknown) =>
      failureMessage(deps, error, { command: args.command.command, user: args.command.user_id }),
  );
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), ackBudgetMs);
  });
  const first = await Promise.race([reply, late]);
  clearTimeout(timer);
  if (first !== "late") {
    await args.ack({ response_type: "ephemeral", ...first });
    return;
  }
  await args.ack();
  await deliver(args.respond, await reply, deps);
}

/**
 * For commands that open a modal: the trigger_id lives 3 s, so the ack goes first and empty, the modal
 * right after; a refusal or failure comes back as an ephemeral message.
 */
export function modalCommandHandler(
  deps: AppDeps,
  run: (args: CommandArgs, caller: Caller) => Promise<MessagePayload | null>,
  options: ListenerOptions = {},
): (args: CommandArgs) => Promise<void> {
  return async (args) => {
    await args.ack();
    const slackUserId = args.command.user_id;
    let reply: MessagePayload | null;
    try {
      reply = await asCaller(deps, slackUserId, args.command.command, options, (caller) => run(args, caller));
    } catch (error) {
      reply = failureMessage(deps, error, { command: args.command.command, user: slackUserId });
    }
    if (reply) await deliver(args.respond, reply, deps);
  };
}

/** A message shortcut: ack, run (usually opening a modal); a refusal or failure comes back as an ephemeral message. */
export function messageShortcutHandler(
  deps: AppDeps,
  run: (args: MessageShortcutArgs, caller: Caller) => Promise<MessagePayload | null>,
  options: ListenerOptions = {},
): (args: MessageShortcutArgs) => Promise<void> {
  return async (args) => {
    await args.ack();
    const slackUserId = args.shortcut.user.id;
    let reply: MessagePayload | null;
    try {
      const request = `shortcut ${args.shortcut.callback_id}`;
      reply = await asCaller(deps, slackUserId, request, options, (caller) => run(args, caller));
    } catch (error) {
      reply = failureMessage(deps, error, { shortcut: args.shortcut.callback_id, user: slackUserId });
    }
    if (reply) await deliver(args.respond, reply, deps);
  };
}

export function actionHandler(
  deps: AppDeps,
  run: (args: ActionArgs, caller: Caller) => Promise<MessagePayload | null>,
  options: ListenerOptions = {},
): (args: ActionArgs) => Promise<void> {
  return async (args) => {
    await args.ack();
    const slackUserId = args.body.user.id;
    let reply: MessagePayload | null;
    try {
      const request = `action ${args.action.action_id}`;
      reply = await asCaller(deps, slackUserId, request, options, (caller) => run(args, caller));
    } catch (error) {
      reply = failureMessage(deps, error, { action: args.action.action_id, user: slackUserId });
    }
    if (!reply) return;
    // A click in the App Home has no response_url: the Home is drawn again with the answer on top.
    if (!args.body.response_url && args.body.view?.type === "home")
      await redrawHome(deps, args.client, slackUserId, reply.text).catch((error) =>
        deps.logger.error("could not answer a click in the App Home", error),
      );
    else await deliver(args.respond, reply, deps, { replace_original: false });
  };
}

/**
 * Slack needs the answer to a submission (errors, an updated view, or a plain ack that closes the modal)
 * within 3 s and in the acknowledgement itself, so the use case runs first and slow follow-ups after.
 */
export function viewSubmissionHandler(
  deps: AppDeps,
  run: (args: ViewArgs, caller: Caller) => Promise<ViewSubmissionOutcome>,
): (args: ViewArgs) => Promise<void> {
  return async (args) => {
    const slackUserId = args.body.user.id;
    let outcome: ViewSubmissionOutcome;
    try {
      const request = `view ${args.view.callback_id}`;
      const identified = await identifyCaller(deps, slackUserId, request, "write");
      outcome = identified.ok
        ? await run(args, identified.caller)
        : {
            reply: {
              response_action: "update",
              view: noticeModal("Not available", `:lock: ${identified.text}`),
            },
          };
    } catch (error) {
      const { text } = failureMessage(deps, error, { view: args.view.callback_id, user: slackUserId });
      outcome = {
        reply: { response_action: "update", view: noticeModal("Something went wrong", `:warning: ${text}`) },
      };
    }
    await args.ack(outcome.reply as ViewResponseAction | undefined);
    if (outcome.reply?.response_action !== "errors") deps.homes.changed();
    try {
      await outcome.afterAck?.();
    } catch (error) {
      deps.logger.error("follow-up of a view submission failed", { view: args.view.callback_id }, error);
    }
  };
}

async function deliver(
  respond: RespondFn,
  payload: MessagePayload,
  deps: AppDeps,
  extra: { replace_original?: boolean } = {},
): Promise<void> {
  try {
    await respond({ response_type: "ephemeral", ...extra, ...payload });
  } catch (error) {
    deps.logger.error("could not deliver a reply through response_url", error);
  }
}

function failureMessage(deps: AppDeps, error: unknown, context: Record<string, string>): MessagePayload {
  if (error instanceof UserFacingError) return errorReply(error.message);
  const reference = randomBytes(3).toString("hex");
  deps.logger.error(`listener failed (ref ${reference})`, context, error);
  return errorReply(`Something went wrong on our side and nothing was changed. Reference: \`${reference}\`.`);
}

/** A refusal: who may not ask, privately told why. */
export function refusalReply(text: string): MessagePayload {
  return { text, blocks: [section(`:lock: ${text}`)] };
}

export function errorReply(text: string): MessagePayload {
  return { text, blocks: [section(`:warning: ${text}`)] };
}

type OptionsArgs = AllMiddlewareArgs & SlackOptionsMiddlewareArgs<"block_suggestion">;

/** A menu's server-side options, for people the bot serves; anyone else gets an empty list. */
export function optionsHandler(
  deps: AppDeps,
  run: (args: OptionsArgs) => Promise<void>,
): (args: OptionsArgs) => Promise<void> {
  return async (args) => {
    const request = `options ${args.payload.action_id}`;
    const identified = await identifyCaller(deps, args.body.user.id, request, "read").catch((error) => {
      deps.logger.error("could not check who asks for options", error);
      return { ok: false as const };
    });
    if (identified.ok) await run(args);
    else await args.ack({ options: [] });
  };
}
