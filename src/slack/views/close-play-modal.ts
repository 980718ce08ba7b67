// The Close modal: how the play ended, a note, and whether to log that note as a touch on the account.
// private_metadata carries the play, the surface it was clicked on and that message's response_url, so the
// submission can update the clicked message in place (view submissions have no response_url of their own).

import type { TouchKind } from "../../domain/call-prep.ts";
import { playKindLabel, playOutcomeLabel, playOutcomes } from "../../domain/plays/kinds.ts";
import {
  type Block,
  context,
  inputBlock,
  type ModalView,
  noticeModal,
  type Option,
  plain,
  section,
} from "./blocks.ts";
import { blockKitLimits } from "./limits.ts";
import { type PlaySurface, type SurfaceKeys, surfaceKeys } from "./play-blocks.ts";
import { inertText, touchKindLabel, touchKinds } from "./wording.ts";

export const closePlayCallbackId = "play_close";

/** block_id and action_id of each input (they are the same string). */
export const closePlayInputs = {
  outcome: "outcome",
  note: "note",
  logTouch: "log_touch",
  touchKind: "touch_kind",
  touchAt: "touch_at",
} as const;

export const logTouchOptionValue = "log";
export const maxNoteLength = 2000;
const defaultTouchKind: TouchKind = "call";

/** Short keys: private_metadata is limited to 3,000 characters. */
export interface ClosePlayMetadata extends SurfaceKeys {
  p: string;
  /** response_url of the message the Close button was in. */
  r?: string;
}

export interface ClosePlayTarget {
  id: string;
  kind: string;
  reason: string;
  accountName: string;
}

export function closePlayMetadata(playId: string, surface: PlaySurface, responseUrl: string | null): string {
  const metadata: ClosePlayMetadata = { p: playId, ...surfaceKeys(surface) };
  if (responseUrl) metadata.r = responseUrl;
  const text = JSON.stringify(metadata);
  // A response_url is ~100 characters; should one ever be absurdly long, close without updating the message.
  if (text.length <= blockKitLimits.privateMetadata) return text;
  const { r: _, ...withoutUrl } = metadata;
  return JSON.stringify(withoutUrl);
}

export function closePlayModal(play: ClosePlayTarget, privateMetadata: string): ModalView {
  const option = (text: string, value: string): Option => ({ text: plain(text), value });
  const outcomeOptions = playOutcomes.map((outcome) => option(playOutcomeLabel(outcome), outcome));
  const touchKindOptions = touchKinds.map((kind) => option(touchKindLabel(kind), kind));
  const logOption = option("Log this as a touch", logTouchOptionValue);
  const blocks: Block[] = [
    section(`*${inertText(playKindLabel(play.kind), 60)}* · *${inertText(play.accountName, 80)}*`),
    context(inertText(play.reason, 300)),
    {
      type: "input",
      block_id: closePlayInputs.outcome,
      label: plain("Outcome"),
      element: {
        type: "static_select",
        action_id: closePlayInputs.outcome,
        placeholder: plain("How did it end?"),
        options: outcomeOptions,
      },
    },
    {
      type: "input",
      block_id: closePlayInputs.note,
      label: plain("Note"),
      optional: true,
      hint: plain("What happened and what comes next. Needed when you log it as a touch."),
      element: {
        type: "plain_text_input",
        action_id: closePlayInputs.note,
        multiline: true,
        max_length: maxNoteLength,
      },
    },
    {
      type: "input",
      block_id: closePlayInputs.logTouch,
      label: plain("Touch"),
      optional: true,
      element: { type: "checkboxes", action_id: closePlayInputs.logTouch, options: [logOption] },
    },
    {
      type: "input",
      block_id: closePlayInputs.touchKind,
      label: plain("Kind of touch"),
      optional: true,
      element: {
        type: "static_select",
        action_id: closePlayInputs.touchKind,
        options: touchKindOptions,
        initial_option: option(touchKindLabel(defaultTouchKind), defaultTouchKind),
      },
    },
    inputBlock(
      closePlayInputs.touchAt,
      "When it happened",
      { type: "datetimepicker" },
      { optional: true, hint: plain("In your time zone. Empty: now.") },
    ),
  ];
  return {
    type: "modal",
    callback_id: closePlayCallbackId,
    title: plain("Close play"),
    submit: plain("Close play"),
    close: plain("Cancel"),
    private_metadata: privateMetadata,
    blocks,
  };
}

/** Shown in place of the modal when the play cannot be closed after all (closed meanwhile, not allowed). */
export function closePlayRefusedModal(message: string): ModalView {
  return noticeModal("Close play", message);
}
