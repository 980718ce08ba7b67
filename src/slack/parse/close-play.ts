// The Close modal's submission: private_metadata (which play, where it was clicked) and the form state,
// validated into a close request or into errors keyed by the input's block_id, as Slack shows them.
import { z } from "zod";
import { playOutcomes } from "../../domain/plays/kinds.ts";
import { closePlayInputs, logTouchOptionValue, maxNoteLength } from "../views/close-play-modal.ts";
import { touchKinds } from "../views/wording.ts";
import type { PlayActionTarget } from "./play-action.ts";
import { parseJson, playIdSchema, surfaceKeysSchema, toSurface } from "./play-action.ts";

const metadataSchema = surfaceKeysSchema.extend({
  p: playIdSchema,
  r: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});

export interface ClosePlayOrigin extends PlayActionTarget {
  /** Where to send the re-rendered message; absent when the Close button was not in a message. */
  responseUrl: string | null;
}

export function parseClosePlayMetadata(privateMetadata: string): ClosePlayOrigin | null {
  const parsed = metadataSchema.safeParse(parseJson(privateMetadata));
  if (!parsed.success) return null;
  const { p, r, ...keys } = parsed.data;
  return { playId: p, surface: toSurface(keys), responseUrl: r ?? null };
}

const closePlayForm = z
  .object({
    outcome: z.enum(playOutcomes, { error: "Pick how the play ended." }),
    note: z
      .string()
      .trim()
      .max(maxNoteLength, { error: `Keep the note to ${maxNoteLength} characters.` })
      .transform((note) => note || null),
    logTouch: z.boolean(),
    touchKind: z.enum(touchKinds, { error: "Pick a kind of touch." }),
    touchAt: z.date().nullable(),
  })
  .superRefine((form, ctx) => {
    if (form.logTouch && !form.note)
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: "Write what happened: the note becomes the touch's summary.",
      });
  });

export type ClosePlayForm = z.infer<typeof closePlayForm>;

type StateValue = {
  value?: string | null;
  selected_date_time?: number | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
};
type ViewState = { values: Record<string, Record<string, StateValue>> };

export type ClosePlayFormResult =
  | { ok: true; form: ClosePlayForm }
  | { ok: false; errors: Record<string, string> };

export function parseClosePlayForm(state: ViewState): ClosePlayFormResult {
  const input = (id: string): StateValue | undefined => state.values[id]?.[id];
  const parsed = closePlayForm.safeParse({
    outcome: input(closePlayInputs.outcome)?.selected_option?.value,
    note: input(closePlayInputs.note)?.value ?? "",
    logTouch: (input(closePlayInputs.logTouch)?.selected_options ?? []).some(
      (option) => option.value === logTouchOptionValue,
    ),
    touchKind: input(closePlayInputs.touchKind)?.selected_option?.value ?? "call",
    touchAt: timeOf(input(closePlayInputs.touchAt)?.selected_date_time),
  });
  if (parsed.success) return { ok: true, form: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    const blockId =
      typeof field === "string" && field in closePlayInputs
        ? closePlayInputs[field as keyof typeof closePlayInputs]
        : closePlayInputs.outcome;
    errors[blockId] ??= issue.message;
  }
  return { ok: false, errors };
}

function timeOf(seconds: number | null | undefined): Date | null {
  return typeof seconds === "number" && Number.isFinite(seconds) ? new Date(seconds * 1000) : null;
}
