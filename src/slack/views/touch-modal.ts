// The touch modal: /touch, the "Log as touch" message shortcut and the card's Log touch button open it.
// The account is an external select searched on the server (any size of book); the stakeholders present
// are searched within the chosen account's map, and someone new can be added by name.
import { type Block, inputBlock, type ModalView, type Option, plain } from "./blocks.ts";
import { blockKitLimits } from "./limits.ts";
import { option, roleOptions, sentimentOptions } from "./stakeholder-options.ts";
import { inertText, touchKindLabel, touchKinds } from "./wording.ts";

export const touchCallbackId = "touch_log";
export const openTouchActionId = "touch_open";

/** block_id and action_id of each input (they are the same string). */
export const touchInputs = {
  account: "account",
  kind: "kind",
  when: "when",
  stakeholders: "stakeholders",
  newPerson: "new_person",
  newPersonRole: "new_person_role",
  summary: "summary",
  nextStep: "next_step",
  nextStepOwner: "next_step_owner",
  nextStepDue: "next_step_due",
  sentiment: "sentiment",
} as const;

export const maxSummaryLength = 3000;
export const maxNextStepLength = 500;

/** What the modal carries between opening and submission (private_metadata, short keys). */
export interface TouchMetadata {
  /** Permalink of the message the touch is logged from. */
  l?: string;
  /** The channel of that message: the first touch logged from a channel links it to the account. */
  c?: string;
}

export interface TouchModalOptions {
  account: { id: string; name: string } | null;
  summary?: string;
  permalink?: string | null;
  channelId?: string | null;
  now: Date;
}

export function accountOption(account: { id: string; name: string }): Option {
  return option(inertText(account.name, 75), account.id);
}

export function touchModal(options: TouchModalOptions): ModalView {
  const input = inputBlock;
  const metadata: TouchMetadata = {
    ...(options.permalink ? { l: options.permalink } : {}),
    ...(options.channelId ? { c: options.channelId } : {}),
  };
  const privateMetadata = JSON.stringify(metadata);
  const blocks: Block[] = [
    input(touchInputs.account, "Account", {
      type: "external_select",
      min_query_length: 1,
      placeholder: plain("Type an account's name"),
      ...(options.account ? { initial_option: accountOption(options.account) } : {}),
    }),
    input(touchInputs.kind, "Type", {
      type: "static_select",
      options: touchKinds.map((kind) => option(touchKindLabel(kind), kind)),
      initial_option: option(touchKindLabel("call"), "call"),
    }),
    input(
      touchInputs.when,
      "When it happened",
      { type: "datetimepicker", initial_date_time: Math.floor(options.now.getTime() / 1000) },
      { hint: plain("In your time zone. A touch logged more than 24 hours later is counted as late.") },
    ),
    input(
      touchInputs.stakeholders,
      "Who was there",
      {
        type: "multi_external_select",
        min_query_length: 0,
        placeholder: plain("People on the account's map"),
      },
      { optional: true },
    ),
    input(
      touchInputs.newPerson,
      "Someone new",
      { type: "plain_text_input", max_length: 120, placeholder: plain("Name, to add them to the map") },
      { optional: true },
    ),
    input(
      touchInputs.newPersonRole,
      "Their role",
      { type: "static_select", options: roleOptions() },
      { optional: true },
    ),
    input(touchInputs.summary, "Summary", {
      type: "plain_text_input",
      multiline: true,
      max_length: maxSummaryLength,
      ...(options.summary ? { initial_value: options.summary.slice(0, maxSummaryLength) } : {}),
    }),
    input(
      touchInputs.nextStep,
      "Next step",
      { type: "plain_text_input", max_length: maxNextStepLength },
      { optional: true },
    ),
    input(touchInputs.nextStepOwner, "Next step owner", { type: "users_select" }, { optional: true }),
    input(touchInputs.nextStepDue, "Next step due", { type: "datepicker" }, { optional: true }),
    input(
      touchInputs.sentiment,
      "Customer sentiment",
      { type: "static_select", options: sentimentOptions() },
      { optional: true },
    ),
  ];
  return {
    type: "modal",
    callback_id: touchCallbackId,
    title: plain("Log a touch"),
    submit: plain("Log touch"),
    close: plain("Cancel"),
    private_metadata: privateMetadata.length <= blockKitLimits.privateMetadata ? privateMetadata : "{}",
    blocks,
  };
}
