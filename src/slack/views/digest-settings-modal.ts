// The digest settings modal, opened from the App Home: when (time, working days, a holiday pause), in
// which time zone, and where (a channel, or a direct message) a person's morning digest comes.
import type { DigestSettingsView } from "../../services/digest-settings.ts";
import { type Block, context, inputBlock, type ModalView, type Option, plain, section } from "./blocks.ts";

export const digestSettingsCallbackId = "digest_settings";
export const openDigestSettingsActionId = "digest_settings_open";

/** block_id and action_id of each input (they are the same string). */
export const digestSettingsInputs = {
  time: "time",
  days: "days",
  channel: "channel",
  timeZone: "time_zone",
  pauseUntil: "pause_until",
} as const;

const dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const dayValues = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const dayOption = (day: number): Option => ({
  text: plain(dayNames[day - 1] as string),
  value: dayValues[day - 1] as string,
});

export function digestSettingsModal(settings: DigestSettingsView): ModalView {
  const input = inputBlock;
  const blocks: Block[] = [
    section(
      "Your morning digest: what moved in your book, what is red, which renewals are near, which plays wait.",
    ),
    input(digestSettingsInputs.time, "Time", { type: "timepicker", initial_time: settings.time }),
    input(digestSettingsInputs.days, "Days", {
      type: "checkboxes",
      options: [1, 2, 3, 4, 5, 6, 7].map(dayOption),
      initial_options: settings.days.map(dayOption),
    }),
    input(
      digestSettingsInputs.channel,
      "Channel",
      {
        type: "conversations_select",
        placeholder: plain("A direct message"),
        filter: { include: ["public", "private"], exclude_bot_users: true },
        ...(settings.channelId ? { initial_conversation: settings.channelId } : {}),
      },
      {
        optional: true,
        hint: plain("Empty: a direct message. A private channel needs the bot invited first."),
      },
    ),
    input(
      digestSettingsInputs.timeZone,
      "Time zone",
      {
        type: "plain_text_input",
        max_length: 64,
        placeholder: plain("Your Slack profile's"),
        ...(settings.timeZoneSetByHand ? { initial_value: settings.timeZone } : {}),
      },
      {
        optional: true,
        hint: plain(`Like Europe/Paris. Empty: your Slack profile's (now ${settings.timeZone}).`),
      },
    ),
    input(
      digestSettingsInputs.pauseUntil,
      "Pause until",
      {
        type: "datepicker",
        ...(settings.pausedUntil ? { initial_date: settings.pausedUntil.toISOString().slice(0, 10) } : {}),
      },
      { optional: true, hint: plain("On holiday? No digest up to and including this day.") },
    ),
    context("Admins can change these too: `csm users digest`."),
  ];
  return {
    type: "modal",
    callback_id: digestSettingsCallbackId,
    title: plain("Digest settings"),
    submit: plain("Save"),
    close: plain("Cancel"),
    blocks,
  };
}

/** One line for the App Home: "08:30 Europe/Paris, Mon–Fri, as a direct message". */
export function digestSettingsLine(settings: DigestSettingsView): string {
  const days = settings.days.map((day) => (dayNames[day - 1] as string).slice(0, 3)).join(", ");
  const where = settings.channelId ? `in <#${settings.channelId}>` : "as a direct message";
  const pause = settings.pausedUntil
    ? ` · paused until ${settings.pausedUntil.toISOString().slice(0, 10)}`
    : "";
  return `Your digest: ${settings.time} ${settings.timeZone}, ${days}, ${where}${pause}`;
}
