// The stakeholder modal: adds a person to an account's map, or edits, marks as having left, or removes one.
import type { StakeholderFields } from "../../db/repositories/stakeholders.ts";
import { type Block, context, inputBlock, type ModalView, plain } from "./blocks.ts";
import { blockKitLimits } from "./limits.ts";
import { option, roleOption, roleOptions, sentimentOption, sentimentOptions } from "./stakeholder-options.ts";
import { inertText } from "./wording.ts";

export const stakeholderCallbackId = "stakeholder_save";

/** block_id and action_id of each input (they are the same string). */
export const stakeholderInputs = {
  name: "person_name",
  title: "person_title",
  email: "person_email",
  roles: "person_roles",
  sentiment: "person_sentiment",
  slackUser: "person_slack_user",
  notes: "person_notes",
  leftOn: "person_left_on",
  remove: "person_remove",
} as const;

export const maxNameLength = 120;
export const maxTitleLength = 120;
export const maxEmailLength = 254;
export const maxNotesLength = 3000;
export const removeValue = "remove";

/** What the modal carries (private_metadata, short keys): the account, the person, the map to refresh. */
export interface StakeholderMetadata {
  a: string;
  s?: string;
  /** response_url of the map message the modal was opened from: it is redrawn after saving. */
  r?: string;
}

export type EditedPerson = StakeholderFields & { id: string };

export interface StakeholderModalOptions {
  account: { id: string; name: string };
  person: EditedPerson | null;
  responseUrl?: string | null;
}

export function stakeholderModal({ account, person, responseUrl }: StakeholderModalOptions): ModalView {
  const input = inputBlock;
  const text = (value: string | null | undefined) => (value ? { initial_value: value } : {});
  const roles = person ? [person.role, ...person.otherRoles.filter((role) => role !== person.role)] : [];
  const sentiment = person ? sentimentOption(person.sentiment) : null;
  const blocks: Block[] = [
    context(`On the map of *${inertText(account.name, 100)}*`),
    input(stakeholderInputs.name, "Name", {
      type: "plain_text_input",
      max_length: maxNameLength,
      ...text(person?.name),
    }),
    input(
      stakeholderInputs.title,
      "Title",
      { type: "plain_text_input", max_length: maxTitleLength, ...text(person?.title) },
      { optional: true },
    ),
    input(
      stakeholderInputs.email,
      "Email",
      { type: "plain_text_input", max_length: maxEmailLength, ...text(person?.email) },
      { optional: true },
    ),
    input(
      stakeholderInputs.roles,
      "Role",
      {
        type: "multi_static_select",
        options: roleOptions(),
        ...(roles.length ? { initial_options: roles.map(roleOption) } : {}),
      },
      { hint: plain("Every role they play: the map lists them under each.") },
    ),
    input(
      stakeholderInputs.sentiment,
      "Sentiment",
      {
        type: "static_select",
        options: sentimentOptions(),
        ...(sentiment ? { initial_option: sentiment } : {}),
      },
      { optional: true },
    ),
    input(
      stakeholderInputs.slackUser,
      "Slack user",
      { type: "users_select", ...(person?.slackUserId ? { initial_user: person.slackUserId } : {}) },
      { optional: true, hint: plain("When they are in a channel shared with the customer.") },
    ),
    input(
      stakeholderInputs.notes,
      "Notes",
      { type: "plain_text_input", multiline: true, max_length: maxNotesLength, ...text(person?.notes) },
      { optional: true },
    ),
    input(
      stakeholderInputs.leftOn,
      "Left the company on",
      {
        type: "datepicker",
        ...(person?.leftOn ? { initial_date: person.leftOn.toISOString().slice(0, 10) } : {}),
      },
      { optional: true, hint: plain("They stay in the account's history and leave the map.") },
    ),
  ];
  if (person)
    blocks.push(
      input(
        stakeholderInputs.remove,
        "Remove",
        {
          type: "checkboxes",
          options: [option("Remove from the account: entered by mistake", removeValue)],
        },
        { optional: true, hint: plain("For someone who left, set the date above instead.") },
      ),
    );
  const metadata: StakeholderMetadata = {
    a: account.id,
    ...(person ? { s: person.id } : {}),
    ...(responseUrl ? { r: responseUrl } : {}),
  };
  let privateMetadata = JSON.stringify(metadata);
  if (privateMetadata.length > blockKitLimits.privateMetadata)
    privateMetadata = JSON.stringify({ a: metadata.a, ...(metadata.s ? { s: metadata.s } : {}) });
  return {
    type: "modal",
    callback_id: stakeholderCallbackId,
    title: plain(person ? "Edit a person" : "Add a person"),
    submit: plain("Save"),
    close: plain("Cancel"),
    private_metadata: privateMetadata,
    blocks,
  };
}
