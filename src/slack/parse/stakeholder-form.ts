// The stakeholder modal's state, checked with zod on submission: every problem goes back to its field,
// and nothing is saved until the whole form is valid. Text is kept whole up to the inputs' limits.
import { z } from "zod";
import type { StakeholderFields } from "../../db/repositories/stakeholders.ts";
import type { Sentiment, StakeholderRole } from "../../generated/prisma/client.ts";
import {
  maxEmailLength,
  maxNameLength,
  maxNotesLength,
  maxTitleLength,
  removeValue,
  stakeholderInputs,
} from "../views/stakeholder-modal.ts";
import { stakeholderRoleOrder } from "../views/wording.ts";
import { metadataJson, modalState, outOfDate } from "./modal-state.ts";

const metadataSchema = z.object({
  a: z.string().min(1).max(64),
  s: z.string().min(1).max(64).optional(),
  r: z.string().url().max(500).optional(),
});
const email = z.string().email();
const sentiments: readonly Sentiment[] = ["positive", "neutral", "negative"];
const slackUserId = /^[UW][A-Z0-9]{2,}$/;

export interface StakeholderTargetForm {
  accountId: string;
  stakeholderId: string | null;
  responseUrl: string | null;
}

export type StakeholderForm =
  | ({ ok: true; remove: true } & StakeholderTargetForm)
  | ({ ok: true; remove: false; fields: StakeholderFields } & StakeholderTargetForm)
  | { ok: false; errors: Record<string, string> };

export function parseStakeholderForm(state: unknown, privateMetadata: string, today: Date): StakeholderForm {
  const read = modalState(state);
  const metadata = metadataSchema.safeParse(metadataJson(privateMetadata));
  if (!read || !metadata.success) return { ok: false, errors: { [stakeholderInputs.name]: outOfDate } };
  const target = {
    accountId: metadata.data.a,
    stakeholderId: metadata.data.s ?? null,
    responseUrl: metadata.data.r ?? null,
  };
  const removing = (read(stakeholderInputs.remove).selected_options ?? []).some(
    (o) => o.value === removeValue,
  );
  if (removing && target.stakeholderId) return { ok: true, remove: true, ...target };

  const errors: Record<string, string> = {};
  const text = (id: string) => (read(id).value ?? "").trim();
  const name = text(stakeholderInputs.name).replace(/\s+/g, " ");
  if (!name) errors[stakeholderInputs.name] = "Give the person's name.";
  else if (name.length > maxNameLength)
    errors[stakeholderInputs.name] = `At most ${maxNameLength} characters.`;
  const title = text(stakeholderInputs.title) || null;
  if (title && title.length > maxTitleLength)
    errors[stakeholderInputs.title] = `At most ${maxTitleLength} characters.`;
  const address = text(stakeholderInputs.email) || null;
  if (address && (address.length > maxEmailLength || !email.safeParse(address).success))
    errors[stakeholderInputs.email] = "That is not an email address (name@company.com).";
  const picked = (read(stakeholderInputs.roles).selected_options ?? []).map((o) => o.value);
  const known: readonly string[] = stakeholderRoleOrder;
  const roles = [...new Set(picked)].filter((role) => known.includes(role)) as StakeholderRole[];
  if (roles.length === 0 || roles.length !== new Set(picked).size)
    errors[stakeholderInputs.roles] = "Pick at least one role on the map.";
  const sentimentValue = read(stakeholderInputs.sentiment).selected_option?.value ?? "unknown";
  const sentiment = (sentiments as readonly string[]).includes(sentimentValue)
    ? (sentimentValue as Sentiment)
    : "unknown";
  const user = read(stakeholderInputs.slackUser).selected_user ?? null;
  if (user && !slackUserId.test(user)) errors[stakeholderInputs.slackUser] = "Pick a person from Slack.";
  const notes = text(stakeholderInputs.notes) || null;
  if (notes && notes.length > maxNotesLength)
    errors[stakeholderInputs.notes] = `At most ${maxNotesLength} characters.`;
  const leftText = read(stakeholderInputs.leftOn).selected_date ?? null;
  const leftOn = leftText ? new Date(`${leftText}T00:00:00Z`) : null;
  if (leftOn && (Number.isNaN(leftOn.getTime()) || leftOn.getTime() > today.getTime()))
    errors[stakeholderInputs.leftOn] = "Pick the day they left: today or earlier.";
  if (Object.keys(errors).length) return { ok: false, errors };
  const [role, ...otherRoles] = roles as [StakeholderRole, ...StakeholderRole[]];
  return {
    ok: true,
    remove: false,
    ...target,
    fields: { name, title, email: address, role, otherRoles, sentiment, slackUserId: user, notes, leftOn },
  };
}
