// Logging touches from Slack: /touch, the card's button and the "Log as touch" shortcut open the modal;
// the account menu searches like /account; the submission saves once, updates last contacts, and refuses
// what it should, inline.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ModalView } from "../../src/slack/views/blocks.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { testEngine } from "../helpers/database.ts";
import { anAccount, aStakeholder, aUser } from "../helpers/factories.ts";
import { type RunningApp, startRunningApp } from "../helpers/running-app.ts";

const now = new Date("2026-12-07T15:00:00Z");

describe(`logging touches from Slack on ${testEngine}`, () => {
  let running: RunningApp;
  let acmeId: string;
  let championId: string;

  beforeAll(async () => {
    running = await startRunningApp({ now });
    const nina = await aUser(running.db.prisma, {
      slackUserId: "UNINA0001",
      name: "Nina Patel",
      role: "manager",
    });
    const maria = await aUser(running.db.prisma, {
      slackUserId: "UMARIA001",
      name: "Maria Lopez",
      managerId: nina.id,
    });
    await aUser(running.db.prisma, { slackUserId: "UOMAR0001", name: "Omar Reyes" });
    const acme = await anAccount(running.db.prisma, { name: "Acme Corporation", ownerId: maria.id });
    acmeId = acme.id;
    championId = (
      await aStakeholder(running.db.prisma, acme.id, { name: "Dana Whitfield", role: "champion" })
    ).id;
    await anAccount(running.db.prisma, { name: "Globex", ownerId: maria.id });
  });
  afterAll(async () => running?.stop());

  async function lastModal(): Promise<ModalView> {
    const call = await running.slack.waitFor("views.open");
    const view = call.args.view as ModalView;
    expectWithinSlackLimits(view, "modal");
    return view;
  }

  const form = (f: {
    account?: string | null;
    kind?: string;
    at?: Date;
    people?: string[];
    summary?: string;
    newName?: string;
    newRole?: string;
    nextStep?: string;
    owner?: string;
    due?: string;
  }) => ({
    account: {
      account: {
        type: "external_select",
        selected_option: f.account === null ? null : { value: f.account ?? acmeId },
      },
    },
    kind: { kind: { type: "static_select", selected_option: { value: f.kind ?? "call" } } },
    when: {
      when: { type: "datetimepicker", selected_date_time: Math.floor((f.at ?? now).getTime() / 1000) },
    },
    stakeholders: {
      stakeholders: {
        type: "multi_external_select",
        selected_options: (f.people ?? []).map((value) => ({ value })),
      },
    },
    new_person: { new_person: { type: "plain_text_input", value: f.newName ?? null } },
    new_person_role: {
      new_person_role: { type: "static_select", selected_option: f.newRole ? { value: f.newRole } : null },
    },
    summary: {
      summary: { type: "plain_text_input", value: f.summary ?? "Walked through the Q1 rollout plan." },
    },
    next_step: { next_step: { type: "plain_text_input", value: f.nextStep ?? null } },
    next_step_owner: { next_step_owner: { type: "users_select", selected_user: f.owner ?? null } },
    next_step_due: { next_step_due: { type: "datepicker", selected_date: f.due ?? null } },
    sentiment: { sentiment: { type: "static_select", selected_option: { value: "positive" } } },
  });
  const submit = (userId: string, values: ReturnType<typeof form>, viewId?: string, privateMetadata = "{}") =>
    running.requests.viewSubmission({
      userId,
      callbackId: "touch_log",
      values,
      privateMetadata,
      ...(viewId ? { viewId } : {}),
    });

  it("/touch with an account's name opens the modal with the account filled in", async () => {
    running.slack.reset();
    await running.requests.command("/touch", "acme corp", { userId: "UMARIA001" });
    const view = await lastModal();
    expect(view.callback_id).toBe("touch_log");
    expect(JSON.stringify(view.blocks)).toContain(
      `"initial_option":{"text":{"type":"plain_text","text":"Acme Corporation","emoji":true},"value":"${acmeId}"}`,
    );
  });

  it("searches accounts for the menu with /account's typo-tolerant search, and the map of the picked account", async () => {
    const accounts = await running.requests.blockSuggestion({
      userId: "UMARIA001",
      actionId: "account",
      value: "acmee",
    });
    expect(accounts.json).toMatchObject({ options: [{ value: acmeId }] });
    const people = await running.requests.blockSuggestion({
      userId: "UMARIA001",
      actionId: "stakeholders",
      value: "dan",
      view: {
        state: {
          values: { account: { account: { type: "external_select", selected_option: { value: acmeId } } } },
        },
      },
    });
    expect(people.json).toMatchObject({
      options: [{ value: championId, text: { text: expect.stringMatching(/^Dana Whitfield/) } }],
    });
  });

  it("refuses each invalid field inline and saves nothing", async () => {
    const reply = await submit(
      "UMARIA001",
      form({
        account: null,
        summary: "  ",
        newName: "Sam",
        nextStep: "",
        owner: "UMARIA001",
        at: new Date("2026-12-08T15:00:00Z"),
      }),
    );
    expect(reply.json).toMatchObject({
      response_action: "errors",
      errors: {
        account: "Pick the account the touch was with.",
        summary: "Say in a line or two what was discussed.",
        new_person_role: "Pick the new person's role on the map.",
        next_step: "Say what the next step is, for its owner and date.",
        when: "A touch cannot be logged before it happens.",
      },
    });
    expect(await running.db.prisma.touch.count()).toBe(0);
  });

  it("refuses someone who is not the account's CSM, their manager or an admin, on the account field", async () => {
    const reply = await submit("UOMAR0001", form({}));
    expect(reply.json).toMatchObject({
      errors: { account: "Only Maria Lopez, their manager or an admin can log touches on this account." },
    });
  });

  it("saves once however often the view is submitted, with the people present, someone new and the next step", async () => {
    running.slack.reset();
    const values = form({
      people: [championId],
      newName: "Lee Park",
      newRole: "executive_sponsor",
      nextStep: "Send the rollout deck",
      owner: "UMARIA001",
      due: "2026-12-10",
    });
    const [first, second] = await Promise.all([
      submit("UMARIA001", values, "VTOUCH001"),
      submit("UMARIA001", values, "VTOUCH001"),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const touches = await running.db.prisma.touch.findMany({ include: { stakeholders: true } });
    expect(touches).toHaveLength(1);
    expect(touches[0]).toMatchObject({
      kind: "call",
      sentiment: "positive",
      nextStep: "Send the rollout deck",
      nextStepDueOn: new Date("2026-12-10T00:00:00Z"),
    });
    expect(touches[0]?.stakeholders.map((s) => s.name).sort()).toEqual(["Dana Whitfield", "Lee Park"]);
    const dana = await running.db.prisma.stakeholder.findUniqueOrThrow({ where: { id: championId } });
    expect(dana.lastContactOn).toEqual(new Date("2026-12-07T00:00:00Z"));
    const confirmation = await running.slack.waitFor("chat.postMessage");
    expect(confirmation.args.channel).toBe("UMARIA001");
    expect(String(confirmation.args.text)).toBe("Touch logged on Acme Corporation");
    expect(await running.db.prisma.auditLog.count({ where: { action: "touch.log" } })).toBe(1);
  });

  it("accepts a touch logged days later, and counts it as late; the manager may log on the account", async () => {
    running.slack.reset();
    await submit("UNINA0001", form({ at: new Date("2026-12-03T10:00:00Z"), kind: "meeting" }), "VTOUCH002");
    const late = await running.db.prisma.auditLog.findFirstOrThrow({
      where: { action: "touch.log", actorLabel: "UNINA0001" },
    });
    expect(late.changes).toMatchObject({ late: true });
    const confirmation = await running.slack.waitFor("chat.postMessage");
    expect(JSON.stringify(confirmation.args.blocks)).toContain("counts as logged late");
  });

  it("logs a message as a touch: its text as the summary, a permalink back, the account it names", async () => {
    running.slack.reset();
    await running.requests.messageShortcut({
      userId: "UMARIA001",
      callbackId: "log_as_touch",
      channelId: "C0SHARED1",
      message: { ts: "1765100000.000100", text: "Globex confirmed the pilot extension through March." },
    });
    const view = await lastModal();
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('"initial_value":"Globex confirmed the pilot extension through March."');
    expect(text).toContain('"text":"Globex"');
    expect(JSON.parse(view.private_metadata ?? "{}")).toMatchObject({
      l: expect.stringContaining("C0SHARED1"),
      c: "C0SHARED1",
    });
  });

  it("links the channel of the first touch logged from it: the next message there starts with that account", async () => {
    const globex = await running.db.prisma.account.findFirstOrThrow({ where: { name: "Globex" } });
    const metadata = JSON.stringify({ l: "https://fake.slack.com/archives/C0LINKED1/p1", c: "C0LINKED1" });
    await submit(
      "UMARIA001",
      form({ account: globex.id, summary: "Pilot extension agreed." }),
      undefined,
      metadata,
    );
    const other = JSON.stringify({ c: "C0LINKED1" });
    await submit("UMARIA001", form({ account: acmeId, summary: "Acme came up too." }), undefined, other);
    expect(
      await running.db.prisma.channelLink.findUnique({ where: { channelId: "C0LINKED1" } }),
    ).toMatchObject({
      accountId: globex.id,
    });
    running.slack.reset();
    await running.requests.messageShortcut({
      userId: "UMARIA001",
      callbackId: "log_as_touch",
      channelId: "C0LINKED1",
      message: { ts: "1765100000.000200", text: "Thanks, talk next week!" },
    });
    const view = await lastModal();
    expect(JSON.stringify(view.blocks)).toContain(`"value":"${globex.id}"`);
  });

  it("the card's Log touch button opens the modal on the card's account", async () => {
    running.slack.reset();
    await running.requests.blockAction({ userId: "UMARIA001", actionId: "touch_open", value: acmeId });
    const view = await lastModal();
    expect(JSON.stringify(view.blocks)).toContain(`"value":"${acmeId}"`);
  });
});
