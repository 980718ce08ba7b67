import { describe, expect, it } from "vitest";
import { button, context, divider, header, mrkdwn, plain, section } from "../../src/slack/views/blocks.ts";
import { checkBlockKitLimits, blockKitLimits as L, type Surface } from "../../src/slack/views/limits.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";

type Json = Record<string, unknown>;

const x = (length: number) => "x".repeat(length);
const message = (...blocks: unknown[]): Json => ({ text: "Acme renews in 30 days", blocks });
const modal = (blocks: unknown[] = [section("Body")], overrides: Json = {}): Json => ({
  type: "modal",
  callback_id: "log_touch",
  title: plain("Log a touch"),
  submit: plain("Save"),
  close: plain("Cancel"),
  blocks,
  ...overrides,
});
const actions = (...elements: unknown[]): Json => ({ type: "actions", elements });
const option = (text: string, value: string): Json => ({ text: plain(text), value });
const options = (count: number) => Array.from({ length: count }, (_, i) => option(`Option ${i}`, `v${i}`));
const select = (opts: unknown[]): Json => ({ type: "static_select", action_id: "pick_stage", options: opts });
const overflow = (opts: unknown[]): Json => ({ type: "overflow", action_id: "more", options: opts });
const input = (element: Json, label = "Summary"): Json => ({
  type: "input",
  block_id: "summary",
  label: plain(label),
  element,
});
const buttons = (count: number) => Array.from({ length: count }, (_, i) => button(`B${i}`, `act_${i}`));

/** [what, surface, build a payload with n of the measured thing, Slack's limit, words expected in the violation] */
const boundaries: [string, Surface, (n: number) => unknown, number, RegExp][] = [
  [
    "blocks in a message",
    "message",
    (n) => message(...Array.from({ length: n }, divider)),
    L.blocksPerMessage,
    /blocks.*50/,
  ],
  [
    "blocks in a modal",
    "modal",
    (n) => modal(Array.from({ length: n }, divider)),
    L.blocksPerView,
    /blocks.*100/,
  ],
  [
    "blocks in the Home tab",
    "home",
    (n) => ({ type: "home", blocks: Array.from({ length: n }, divider) }),
    L.blocksPerView,
    /blocks.*100/,
  ],
  ["message text", "message", (n) => ({ text: x(n) }), L.messageText, /^text .*40000/],
  ["section text", "message", (n) => message(section(x(n))), L.sectionText, /section\)\.text\.text .*3000/],
  [
    "section fields",
    "message",
    (n) => message({ type: "section", fields: Array.from({ length: n }, () => mrkdwn("f")) }),
    L.sectionFields,
    /fields has 11 items, max 10/,
  ],
  [
    "section field text",
    "message",
    (n) => message({ type: "section", fields: [mrkdwn(x(n))] }),
    L.sectionFieldText,
    /fields\[0\]\.text .*2000/,
  ],
  ["header text", "message", (n) => message(header(x(n))), L.headerText, /header\)\.text\.text .*150/],
  [
    "context elements",
    "message",
    (n) => message(context(...Array.from({ length: n }, () => "c"))),
    L.contextElements,
    /elements has 11 items, max 10/,
  ],
  [
    "actions elements",
    "message",
    (n) => message(actions(...buttons(n))),
    L.actionsElements,
    /elements has 26 items, max 25/,
  ],
  [
    "button text",
    "message",
    (n) => message(actions(button(x(n), "go"))),
    L.buttonText,
    /\(button\)\.text\.text .*75/,
  ],
  [
    "button value",
    "message",
    (n) => message(actions(button("Go", "go", x(n)))),
    L.buttonValue,
    /\(button\)\.value .*2000/,
  ],
  ["button action_id", "message", (n) => message(actions(button("Go", x(n)))), L.actionId, /action_id .*255/],
  [
    "button url",
    "message",
    (n) => message(actions({ ...button("Open", "open"), url: `https://${x(n - 8)}` })),
    L.buttonUrl,
    /url .*3000/,
  ],
  ["block_id", "message", (n) => message({ ...divider(), block_id: x(n) }), L.blockId, /block_id .*255/],
  [
    "static select options",
    "message",
    (n) => message(actions(select(options(n)))),
    L.staticSelectOptions,
    /options has 101 items, max 100/,
  ],
  [
    "option text",
    "message",
    (n) => message(actions(select([option(x(n), "v")]))),
    L.optionText,
    /options\[0\]\.text\.text .*75/,
  ],
  [
    "option value",
    "message",
    (n) => message(actions(select([option("One", x(n))]))),
    L.optionValue,
    /options\[0\]\.value .*150/,
  ],
  [
    "overflow options",
    "message",
    (n) => message(actions(overflow(options(n)))),
    L.overflowOptionsMax,
    /options has 6 items, max 5/,
  ],
  [
    "modal title",
    "modal",
    (n) => modal(undefined, { title: plain(x(n)) }),
    L.modalTitle,
    /^title\.text .*24/,
  ],
  [
    "modal submit",
    "modal",
    (n) => modal(undefined, { submit: plain(x(n)) }),
    L.modalButton,
    /^submit\.text .*24/,
  ],
  [
    "modal close",
    "modal",
    (n) => modal(undefined, { close: plain(x(n)) }),
    L.modalButton,
    /^close\.text .*24/,
  ],
  [
    "private_metadata",
    "modal",
    (n) => modal(undefined, { private_metadata: x(n) }),
    L.privateMetadata,
    /private_metadata .*3000/,
  ],
  ["callback_id", "modal", (n) => modal(undefined, { callback_id: x(n) }), L.callbackId, /callback_id .*255/],
  [
    "input label",
    "modal",
    (n) => modal([input({ type: "plain_text_input", action_id: "s" }, x(n))]),
    L.inputLabel,
    /label\.text .*2000/,
  ],
  [
    "plain_text_input max_length",
    "modal",
    (n) => modal([input({ type: "plain_text_input", action_id: "s", max_length: n })]),
    L.plainTextInputLength,
    /max_length is 3001, must be 1\.\.3000/,
  ],
];

describe("Block Kit limits every Slack payload is checked against", () => {
  describe.each(boundaries)("%s", (_what, surface, build, limit, violation) => {
    it(`passes at the limit (${limit})`, () => {
      expect(checkBlockKitLimits(build(limit), surface)).toEqual([]);
    });
    it("fails one past the limit, naming the field and the limit", () => {
      const problems = checkBlockKitLimits(build(limit + 1), surface);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(violation);
    });
  });

  it("needs at least two options in an overflow menu", () => {
    expect(checkBlockKitLimits(message(actions(overflow(options(1)))), "message")).toEqual([
      "blocks[0] (actions).elements[0] (overflow).options has 1 items, min 2",
    ]);
    expect(checkBlockKitLimits(message(actions(overflow(options(2)))), "message")).toEqual([]);
  });

  it("accepts the app's own builders", () => {
    const card = message(
      header("Acme Corporation"),
      section("*ARR* $120,000.50"),
      context("Renews 2027-01-10"),
      divider(),
      actions(button("Share", "account_share", "acc_1", "primary")),
    );
    expectWithinSlackLimits(card, "message");
  });

  it("wants top-level text beside blocks, for notifications and screen readers", () => {
    expect(checkBlockKitLimits({ blocks: [section("Hi")] }, "message")).toEqual([
      expect.stringMatching(/^text is missing/),
    ]);
    expect(checkBlockKitLimits({ text: " ", blocks: [section("Hi")] }, "message")).toHaveLength(1);
    expect(
      checkBlockKitLimits({ response_type: "ephemeral", text: "Hi", blocks: [section("Hi")] }, "message"),
    ).toEqual([]);
  });

  it("rejects empty plain_text and mrkdwn text", () => {
    expect(checkBlockKitLimits(message(section("")), "message")).toEqual([
      "blocks[0] (section).text.text is empty",
    ]);
    expect(checkBlockKitLimits(message(header("")), "message")).toEqual([
      "blocks[0] (header).text.text is empty",
    ]);
    expect(checkBlockKitLimits(message(context("")), "message")).toEqual([
      "blocks[0] (context).elements[0].text is empty",
    ]);
  });

  it("rejects mrkdwn where Slack takes only plain_text", () => {
    const problems = checkBlockKitLimits(message({ type: "header", text: mrkdwn("*Acme*") }), "message");
    expect(problems).toEqual(['blocks[0] (header).text.type is "mrkdwn", expected "plain_text"']);
  });

  it("rejects block types it does not know", () => {
    expect(checkBlockKitLimits(message({ type: "sektion", text: mrkdwn("typo") }), "message")).toEqual([
      'blocks[0] (sektion) has unknown block type "sektion"',
    ]);
    expect(checkBlockKitLimits(message({ text: mrkdwn("no type") }), "message")).toHaveLength(1);
  });

  it("wants block ids unique within a payload", () => {
    const twice = message({ ...section("One"), block_id: "acc_1" }, { ...section("Two"), block_id: "acc_1" });
    expect(checkBlockKitLimits(twice, "message")).toEqual(['block_id "acc_1" is used 2 times']);
    const distinct = message(
      { ...section("One"), block_id: "acc_1" },
      { ...section("Two"), block_id: "acc_2" },
    );
    expect(checkBlockKitLimits(distinct, "message")).toEqual([]);
  });

  it("wants action ids unique across the whole payload, not only within a block", () => {
    const acrossBlocks = message(actions(button("Open", "account_open")), {
      ...section("Acme"),
      accessory: button("Open", "account_open"),
    });
    expect(checkBlockKitLimits(acrossBlocks, "message")).toEqual([
      'action_id "account_open" is used 2 times',
    ]);
    const withinBlock = message(actions(button("A", "same"), button("B", "same"), button("C", "other")));
    expect(checkBlockKitLimits(withinBlock, "message")).toEqual(['action_id "same" is used 2 times']);
  });

  it("wants a submit button on a modal with inputs", () => {
    const form = modal([input({ type: "plain_text_input", action_id: "s" })], { submit: undefined });
    expect(checkBlockKitLimits(form, "modal")).toEqual([
      "submit is required when the modal has input blocks",
    ]);
  });

  it("wants a static select's initial option to be one of its options", () => {
    const stale = { ...select(options(3)), initial_option: option("Gone", "gone") };
    expect(checkBlockKitLimits(message(actions(stale)), "message")).toEqual([
      "blocks[0] (actions).elements[0] (static_select).initial_option must exactly match one of the options",
    ]);
    const current = { ...select(options(3)), initial_option: option("Option 1", "v1") };
    expect(checkBlockKitLimits(message(actions(current)), "message")).toEqual([]);
  });

  it("rejects elements placed where Slack does not allow them", () => {
    const problems = checkBlockKitLimits(
      message(actions({ type: "plain_text_input", action_id: "s" })),
      "message",
    );
    expect(problems).toEqual([
      "blocks[0] (actions).elements[0] (plain_text_input) cannot be used in a actions block",
    ]);
  });

  it("checks a view inside views.open arguments, and the surface's view type", () => {
    expect(checkBlockKitLimits({ trigger_id: "1.2.3", view: modal() }, "modal")).toEqual([]);
    expect(
      checkBlockKitLimits({ trigger_id: "1.2.3", view: modal(undefined, { title: plain(x(25)) }) }, "modal"),
    ).toHaveLength(1);
    expect(checkBlockKitLimits(modal(), "home")).toEqual(['view.type is "modal", expected "home"']);
  });

  it("fails a test with every violation listed", () => {
    const broken = message(header(x(151)), section(""));
    expect(() => expectWithinSlackLimits(broken, "message")).toThrow(
      /header\)\.text\.text is 151 characters, max 150[\s\S]*section\)\.text\.text is empty/,
    );
  });
});
