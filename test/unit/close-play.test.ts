import { describe, expect, it } from "vitest";
import { parseClosePlayForm, parseClosePlayMetadata } from "../../src/slack/parse/close-play.ts";
import { parsePlayActionValue, parsePlaysPageValue } from "../../src/slack/parse/play-action.ts";
import { closePlayMetadata, closePlayModal } from "../../src/slack/views/close-play-modal.ts";
import { playActionValue } from "../../src/slack/views/play-blocks.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";

const responseUrl = "https://hooks.slack.com/actions/T0001/123456/abcdefABCDEF";
const target = { id: "cmplay01", kind: "save", reason: "Health red: 34", accountName: "Acme Corporation" };

type Form = { outcome?: string | null; note?: string | null; logTouch?: boolean; touchKind?: string };

function state(form: Form) {
  const selected = (value: string) => ({ text: { type: "plain_text", text: value }, value });
  return {
    values: {
      outcome: { outcome: { selected_option: form.outcome ? selected(form.outcome) : null } },
      note: { note: { value: form.note ?? null } },
      log_touch: { log_touch: { selected_options: form.logTouch ? [selected("log")] : [] } },
      touch_kind: { touch_kind: { selected_option: selected(form.touchKind ?? "call") } },
    },
  };
}

describe("the Close modal", () => {
  it("asks for an outcome, a note, whether to log a touch and its kind, within Slack's limits", () => {
    const view = closePlayModal(target, closePlayMetadata("cmplay01", { kind: "plays" }, responseUrl));
    expectWithinSlackLimits(view, "modal");
    expect(view.callback_id).toBe("play_close");
    const inputs = view.blocks.filter((block) => block.type === "input");
    expect(inputs.map((block) => block.block_id)).toEqual([
      "outcome",
      "note",
      "log_touch",
      "touch_kind",
      "touch_at",
    ]);
    expect(JSON.stringify(inputs[0])).toMatch(/Done.*No change needed.*Escalated.*Customer unresponsive/);
    expect(inputs[1]).toMatchObject({ element: { multiline: true, max_length: 2000 } });
  });

  it("keeps the play, the surface and the clicked message's response_url in private_metadata", () => {
    const metadata = closePlayMetadata("cmplay01", { kind: "account", sharedBy: "UALEX0001" }, responseUrl);
    expect(parseClosePlayMetadata(metadata)).toEqual({
      playId: "cmplay01",
      surface: { kind: "account", sharedBy: "UALEX0001" },
      responseUrl,
    });
    expect(parseClosePlayMetadata(closePlayMetadata("cmplay01", { kind: "plays" }, null))).toEqual({
      playId: "cmplay01",
      surface: { kind: "plays" },
      responseUrl: null,
    });
    expect(parseClosePlayMetadata(closePlayMetadata("cmplay01", { kind: "plays", offset: 3 }, null))).toEqual(
      {
        playId: "cmplay01",
        surface: { kind: "plays", offset: 3 },
        responseUrl: null,
      },
    );
  });

  it("drops a response_url that would not fit private_metadata rather than break the modal", () => {
    const metadata = closePlayMetadata(
      "cmplay01",
      { kind: "plays" },
      `https://x.example/${"a".repeat(3000)}`,
    );
    expect(metadata.length).toBeLessThanOrEqual(3000);
    expect(parseClosePlayMetadata(metadata)?.responseUrl).toBeNull();
  });

  it("refuses metadata that is not ours", () => {
    for (const bad of [
      "",
      "not json",
      "{}",
      '{"p":"x","s":"newsletter"}',
      '{"p":"x","s":"plays","r":"javascript:alert(1)"}',
    ])
      expect(parseClosePlayMetadata(bad), bad).toBeNull();
  });
});

describe("the Close modal's form", () => {
  it("reads a complete submission", () => {
    expect(
      parseClosePlayForm(
        state({ outcome: "done", note: "  Agreed a plan  ", logTouch: true, touchKind: "meeting" }),
      ),
    ).toEqual({
      ok: true,
      form: { outcome: "done", note: "Agreed a plan", logTouch: true, touchKind: "meeting", touchAt: null },
    });
  });

  it("treats a blank note as none and defaults the touch kind to a call", () => {
    const parsed = parseClosePlayForm({
      values: { outcome: { outcome: { selected_option: { value: "escalated" } } } },
    });
    expect(parsed).toEqual({
      ok: true,
      form: { outcome: "escalated", note: null, logTouch: false, touchKind: "call", touchAt: null },
    });
    expect(parseClosePlayForm(state({ outcome: "done", note: "   " }))).toMatchObject({
      form: { note: null },
    });
  });

  it("answers each problem on its own field", () => {
    expect(parseClosePlayForm(state({ note: "x" }))).toEqual({
      ok: false,
      errors: { outcome: "Pick how the play ended." },
    });
    expect(parseClosePlayForm(state({ outcome: "signal_cleared" }))).toMatchObject({
      errors: { outcome: expect.any(String) },
    });
    expect(parseClosePlayForm(state({ outcome: "done", note: "x".repeat(2001) }))).toEqual({
      ok: false,
      errors: { note: "Keep the note to 2000 characters." },
    });
    expect(parseClosePlayForm(state({ outcome: "done", note: "x".repeat(2000) })).ok).toBe(true);
    expect(parseClosePlayForm(state({ outcome: "done", logTouch: true }))).toMatchObject({
      ok: false,
      errors: { note: expect.stringContaining("touch") },
    });
    expect(parseClosePlayForm(state({ outcome: "done", touchKind: "fax" }))).toMatchObject({
      errors: { touch_kind: expect.any(String) },
    });
  });
});

describe("play button values", () => {
  it("round-trip the play, the surface and the snooze days", () => {
    expect(parsePlayActionValue(playActionValue("p1", { kind: "account" }, 7))).toEqual({
      playId: "p1",
      surface: { kind: "account" },
      days: 7,
    });
    expect(parsePlayActionValue(playActionValue("p1", { kind: "account", sharedBy: "UALEX0001" }))).toEqual({
      playId: "p1",
      surface: { kind: "account", sharedBy: "UALEX0001" },
    });
    expect(parsePlayActionValue(playActionValue("p1", { kind: "home" }))).toEqual({
      playId: "p1",
      surface: { kind: "home" },
    });
    // A later page of /plays: the redrawn list stays on it. The first page carries no offset at all.
    expect(parsePlayActionValue(playActionValue("p1", { kind: "plays", offset: 6 }))).toEqual({
      playId: "p1",
      surface: { kind: "plays", offset: 6 },
    });
    expect(playActionValue("p1", { kind: "plays", offset: 0 })).toBe('{"p":"p1","s":"plays"}');
  });

  it("read the first account of a /plays page from a paging button, and refuse anything else", () => {
    expect(parsePlaysPageValue("0")).toBe(0);
    expect(parsePlaysPageValue("12")).toBe(12);
    for (const bad of [undefined, "", "-1", "1.5", "x", "9999999", '{"o":3}'])
      expect(parsePlaysPageValue(bad), String(bad)).toBeNull();
  });

  it("refuses values that are not ours", () => {
    const bad = [
      undefined,
      "",
      "acc_1",
      "{}",
      '{"p":"","s":"plays"}',
      `{"p":"${"x".repeat(65)}","s":"plays"}`,
      '{"p":"p1","s":"inbox"}',
      '{"p":"p1","s":"account","by":"<!channel>"}',
      '{"p":"p1","s":"plays","d":-1}',
      '{"p":"p1","s":"plays","d":1.5}',
      '{"p":"p1","s":"plays","o":-3}',
    ];
    for (const value of bad) expect(parsePlayActionValue(value), String(value)).toBeNull();
  });
});
