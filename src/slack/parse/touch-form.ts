// The touch modal's state, checked with zod on submission: every problem goes back to its field, and
// nothing is saved until the whole form is valid.
import { z } from "zod";
import type { TouchInput } from "../../services/touches.ts";
import { maxNextStepLength, maxSummaryLength, touchInputs } from "../views/touch-modal.ts";
import { stakeholderRoleOrder, touchKinds } from "../views/wording.ts";
import { metadataJson, modalState, outOfDate } from "./modal-state.ts";

const metadataSchema = z.object({
  l: z.string().url().max(500).optional(),
  c: z
    .string()
    .regex(/^[CG][A-Z0-9]{2,}$/)
    .optional(),
});

const roles: readonly string[] = stakeholderRoleOrder;
const sentiments = ["positive", "neutral", "negative"] as const;

export type TouchForm =
  | {
      ok: true;
      touch: Omit<TouchInput, "viewId" | "nextStepOwnerId">;
      nextStepOwnerSlackId: string | null;
      /** The channel the touch was logged from, to link to the account. */
      channelId: string | null;
    }
  | { ok: false; errors: Record<string, string> };

export function parseTouchForm(state: unknown, privateMetadata: string, now: Date): TouchForm {
  const read = modalState(state);
  const errors: Record<string, string> = {};
  if (!read) return { ok: false, errors: { [touchInputs.summary]: outOfDate } };
  const accountId = read(touchInputs.account).selected_option?.value ?? "";
  if (!accountId) errors[touchInputs.account] = "Pick the account the touch was with.";
  const kind = read(touchInputs.kind).selected_option?.value ?? "call";
  if (!(touchKinds as readonly string[]).includes(kind)) errors[touchInputs.kind] = "Pick a type of touch.";
  const seconds = read(touchInputs.when).selected_date_time;
  const occurredAt = seconds == null ? now : new Date(seconds * 1000);
  if (occurredAt.getTime() > now.getTime() + 5 * 60_000)
    errors[touchInputs.when] = "A touch cannot be logged before it happens.";
  const summary = (read(touchInputs.summary).value ?? "").trim();
  if (!summary) errors[touchInputs.summary] = "Say in a line or two what was discussed.";
  else if (summary.length > maxSummaryLength)
    errors[touchInputs.summary] = `At most ${maxSummaryLength} characters.`;
  const nextStep = (read(touchInputs.nextStep).value ?? "").trim() || null;
  if (nextStep && nextStep.length > maxNextStepLength)
    errors[touchInputs.nextStep] = `At most ${maxNextStepLength} characters.`;
  const ownerSlackId = read(touchInputs.nextStepOwner).selected_user ?? null;
  const dueText = read(touchInputs.nextStepDue).selected_date ?? null;
  const nextStepDueOn = dueText ? new Date(`${dueText}T00:00:00Z`) : null;
  if ((ownerSlackId || nextStepDueOn) && !nextStep)
    errors[touchInputs.nextStep] = "Say what the next step is, for its owner and date.";
  const newName = (read(touchInputs.newPerson).value ?? "").trim();
  const newRole = read(touchInputs.newPersonRole).selected_option?.value ?? null;
  if (newName && !newRole) errors[touchInputs.newPersonRole] = "Pick the new person's role on the map.";
  const sentiment = read(touchInputs.sentiment).selected_option?.value ?? null;
  const metadata = metadataSchema.safeParse(metadataJson(privateMetadata));
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    touch: {
      accountId,
      kind: kind as TouchInput["kind"],
      occurredAt,
      summary,
      nextStep,
      nextStepDueOn,
      sentiment: (sentiments as readonly string[]).includes(sentiment ?? "")
        ? (sentiment as TouchInput["sentiment"])
        : null,
      permalink: metadata.success ? (metadata.data.l ?? null) : null,
      stakeholderIds: (read(touchInputs.stakeholders).selected_options ?? []).map((o) => o.value),
      newStakeholder:
        newName && newRole && roles.includes(newRole)
          ? { name: newName.slice(0, 120), role: newRole as (typeof stakeholderRoleOrder)[number] }
          : null,
    },
    nextStepOwnerSlackId: ownerSlackId,
    channelId: metadata.success ? (metadata.data.c ?? null) : null,
  };
}
