// The one wrapper around every listener: acknowledge within Slack's 3 seconds, identify the caller,
// run the use case, and turn a failure into an ephemeral message instead of silence.
import { randomBytes } from "node:crypto";
import type {
  AllMiddlewareArgs,
  BlockAction,
  MessageShortcut,
  RespondFn,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewResponseAction,
  ViewSubmitAction,
} from "@slack/bolt";
import type { TeamMember } from "../domain/team.ts";
import { ensureRegistered, ensureUser } from "../services/team.ts";
import type { AppDeps } from "./deps.ts";
import { directoryFor } from "./deps.ts";
import { type MessagePayload, type ModalView, noticeModal, section } from "./views/blocks.ts";

/** A problem the user can fix: shown to them as is. */
export class UserFacingError extends Error {}

/** Slack allows 3 s; past this budget we ack empty and deliver the answer through response_url. */
const ackBudgetMs = 2000;

export type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;
type ActionArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;
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

export interface Caller {
  user: TeamMember;
  slackUserId: string;
}

export function commandHandler(
  deps: AppDeps,
  run: (args: CommandArgs, caller: Caller) => Promise<MessagePayload>,
): (args: CommandArgs) => Promise<void> {
  return (args) =>
    answerCommand(deps, args, async () => {
      const user = await ensureUser(deps.db, directoryFor(deps, args.client), args.command.user_id);
      return run(args, { user, slackUserId: args.command.user_id });
    });
}

/**
 * For commands that only read and need nothing of the caller's role: the caller is still put on the
 * team on first use, but not read again on every request.
 */
export function readOnlyCommandHandler(
  deps: AppDeps,
  run: (args: CommandArgs) => Promise<MessagePayload>,
): (args: CommandArgs) => Promise<void> {
  return (args) =>
    answerCommand(deps, args, async () => {
      await ensureRegistered(deps.db, directoryFor(deps, args.client), args.command.user_id);
      return run(args);
    });
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
): (args: CommandArgs) => Promise<void> {
  return async (args) => {
    await args.ack();
    const slackUserId = args.command.user_id;
    let reply: MessagePayload | null;
    try {
      const user = await ensureUser(deps.db, directoryFor(deps, args.client), slackUserId);
      reply = await run(args, { user, slackUserId });
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
): (args: MessageShortcutArgs) => Promise<void> {
  return async (args) => {
    await args.ack();
    const slackUserId = args.shortcut.user.id;
    let reply: MessagePayload | null;
    try {
      const user = await ensureUser(deps.db, directoryFor(deps, args.client), slackUserId);
      reply = await run(args, { user, slackUserId });
    } catch (error) {
      reply = failureMessage(deps, error, { shortcut: args.shortcut.callback_id, user: slackUserId });
    }
    if (reply) await deliver(args.respond, reply, deps);
  };
}

export function actionHandler(
  deps: AppDeps,
  run: (args: ActionArgs, caller: Caller) => Promise<MessagePayload | null>,
): (args: ActionArgs) => Promise<void> {
  return async (args) => {
    await args.ack();
    const slackUserId = args.body.user.id;
    let reply: MessagePayload | null;
    try {
      const user = await ensureUser(deps.db, directoryFor(deps, args.client), slackUserId);
      reply = await run(args, { user, slackUserId });
    } catch (error) {
      reply = failureMessage(deps, error, { action: args.action.action_id, user: slackUserId });
    }
    if (reply) await deliver(args.respond, reply, deps, { replace_original: false });
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
      const user = await ensureUser(deps.db, directoryFor(deps, args.client), slackUserId);
      outcome = await run(args, { user, slackUserId });
    } catch (error) {
      const { text } = failureMessage(deps, error, { view: args.view.callback_id, user: slackUserId });
      outcome = {
        reply: { response_action: "update", view: noticeModal("Something went wrong", `:warning: ${text}`) },
      };
    }
    await args.ack(outcome.reply as ViewResponseAction | undefined);
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

export function errorReply(text: string): MessagePayload {
  return { text, blocks: [section(`:warning: ${text}`)] };
}
