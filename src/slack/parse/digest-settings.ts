// The digest settings modal's state, read into what the domain checks (domain/digest/settings.ts), with
// each problem mapped to the input it belongs to.
import {
  type DigestSettingsChange,
  type DigestSettingsInput,
  parseDigestSettings,
} from "../../domain/digest/settings.ts";
import { digestSettingsInputs } from "../views/digest-settings-modal.ts";
import { modalState, outOfDate } from "./modal-state.ts";

export type DigestSettingsForm =
  | { ok: true; change: DigestSettingsChange }
  | { ok: false; errors: Record<string, string> };

const blockOf: Record<keyof DigestSettingsInput, string> = {
  time: digestSettingsInputs.time,
  days: digestSettingsInputs.days,
  channel: digestSettingsInputs.channel,
  timeZone: digestSettingsInputs.timeZone,
  pauseUntil: digestSettingsInputs.pauseUntil,
};

export function parseDigestSettingsForm(state: unknown): DigestSettingsForm {
  const read = modalState(state);
  if (!read) return { ok: false, errors: { [digestSettingsInputs.time]: outOfDate } };
  const days = read(digestSettingsInputs.days).selected_options ?? [];
  if (days.length === 0)
    return { ok: false, errors: { [digestSettingsInputs.days]: "Pick at least one day." } };
  const input: DigestSettingsInput = {
    time: read(digestSettingsInputs.time).selected_time ?? "08:30",
    days: days.map((day) => day.value).join(","),
    channel: read(digestSettingsInputs.channel).selected_conversation ?? "dm",
    timeZone: read(digestSettingsInputs.timeZone).value?.trim() || "slack",
    pauseUntil: read(digestSettingsInputs.pauseUntil).selected_date ?? "off",
  };
  const checked = parseDigestSettings(input);
  if (checked.ok) return checked;
  return {
    ok: false,
    errors: Object.fromEntries(checked.problems.map((p) => [blockOf[p.field], p.message])),
  };
}
