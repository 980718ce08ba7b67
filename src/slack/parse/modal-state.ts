// A modal's submitted state, checked with zod: each input read by its id (block_id and action_id are the
// same string in every modal of this app), whatever element it is.
import { z } from "zod";

const value = z
  .object({
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_options: z.array(z.object({ value: z.string() })).nullish(),
    selected_user: z.string().nullish(),
    selected_conversation: z.string().nullish(),
    selected_date: z.string().nullish(),
    selected_time: z.string().nullish(),
    selected_date_time: z.number().nullish(),
    value: z.string().nullish(),
  })
  .partial();
const stateSchema = z.object({ values: z.record(z.string(), z.record(z.string(), value)) });

export type InputValue = z.infer<typeof value>;

/** A reader of the state's inputs by id, or null when the state is not a modal's state. */
export function modalState(state: unknown): ((id: string) => InputValue) | null {
  const parsed = stateSchema.safeParse(state);
  if (!parsed.success) return null;
  return (id) => parsed.data.values[id]?.[id] ?? {};
}

/** private_metadata as JSON, or an empty object when it is not. */
export function metadataJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

export const outOfDate = "This form is out of date: open it again.";
