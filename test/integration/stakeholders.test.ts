// Stakeholder maps from Slack: /stakeholders and the card's button show the map by role with its
// warnings; Add and Edit open one modal whose submission is checked whole, saved once, audited, and
// redraws the map; a key contact who left opens the successor play; others are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessagePayload, ModalView } from "../../src/slack/views/blocks.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { testEngine } from "../helpers/database.ts";
import { anAccount, aStakeholder, aUser } from "../helpers/factories.ts";
import { type RunningApp, startRunningApp } from "../helpers/running-app.ts";

const now = new Date("2026-12-07T15:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe(`stakeholder maps from Slack on ${testEngine}`, () => {
  let running: RunningApp;
  let acmeId: string;
  let championId: string;
  let sponsorId: string;

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
    const acme = await anAccount(running.db.prisma, {
      name: "Acme Corporation",
      ownerId: maria.id,
      contractStart: daysAgo(75),
    });
    acmeId = acme.id;
    championId = (
      await aStakeholder(running.db.prisma, acme.id, {
        name: "Dana Whitfield",
        role: "champion",
        lastContactOn: daysAgo(50),
      })
    ).id;
    sponsorId = (
      await aStakeholder(running.db.prisma, acme.id, {
        name: "Raj Iyer",
        title: "COO",
        role: "executive_sponsor",
        lastContactOn: daysAgo(3),
      })
    ).id;
  });
  afterAll(async () => running?.stop());

  const text = (message: MessagePayload) => JSON.stringify(message.blocks);

  async function openedModal(): Promise<ModalView> {
    const call = await running.slack.waitFor("views.open");
    const view = call.args.view as ModalView;
    expectWithinSlackLimits(view, "modal");
    return view;
  }

  const form = (f: {
    name?: string;
    title?: string;
    email?: string;
    roles?: string[];
    sentiment?: string;
    user?: string;
    notes?: string;
    leftOn?: string;
    remove?: boolean;
  }) => ({
    person_name: { person_name: { type: "plain_text_input", value: f.name ?? "Lee Park" } },
    person_title: { person_title: { type: "plain_text_input", value: f.title ?? null } },
    person_email: { person_email: { type: "plain_text_input", value: f.email ?? null } },
    person_roles: {
      person_roles: {
        type: "multi_static_select",
        selected_options: (f.roles ?? ["economic_buyer"]).map((value) => ({ value })),
      },
    },
    person_sentiment: {
      person_sentiment: {
        type: "static_select",
        selected_option: f.sentiment ? { value: f.sentiment } : null,
      },
    },
    person_slack_user: { person_slack_user: { type: "users_select", selected_user: f.user ?? null } },
    person_notes: { person_notes: { type: "plain_text_input", value: f.notes ?? null } },
    person_left_on: { person_left_on: { type: "datepicker", selected_date: f.leftOn ?? null } },
    person_remove: {
      person_remove: { type: "checkboxes", selected_options: f.remove ? [{ value: "remove" }] : [] },
    },
  });
  const submit = (userId: string, values: ReturnType<typeof form>, metadata: object, viewId?: string) =>
    running.requests.viewSubmission({
      userId,
      callbackId: "stakeholder_save",
      values,
      privateMetadata: JSON.stringify(metadata),
      ...(viewId ? { viewId } : {}),
    });

  it("/stakeholders shows the map by role, with sentiment, last contact, warnings and buttons", async () => {
    const reply = await running.requests.command("/stakeholders", "acme corp", { userId: "UOMAR0001" });
    const map = reply.json as MessagePayload;
    expectWithinSlackLimits(map, "message");
    const blocks = text(map);
    expect(blocks).toContain("Stakeholders · Acme Corporation");
    expect(blocks).toContain("*Champion*");
    expect(blocks).toContain("Raj Iyer, COO · last contact");
    expect(blocks).toContain("Dana Whitfield, VP Operations · ⚠️ dark 50 days");
    expect(blocks).toContain("No economic buyer mapped");
    expect(blocks).toContain("Only one executive sponsor at day 75");
    expect(blocks).toContain("Dana Whitfield (champion): no contact for 50 days");
    expect(blocks).toMatch(new RegExp(`"action_id":"stakeholder_edit_\\d+","value":"${championId}"`));
    expect(blocks).toContain(`"action_id":"stakeholder_add","value":"${acmeId}"`);
  });

  it("/stakeholders with a typo still finds the account, and says so when nothing matches", async () => {
    const typo = await running.requests.command("/stakeholders", "acme corporatoin", { userId: "UOMAR0001" });
    expect(text(typo.json as MessagePayload)).toContain("Stakeholders · Acme Corporation");
    const none = await running.requests.command("/stakeholders", "zzzz qqqq", { userId: "UOMAR0001" });
    expect(text(none.json as MessagePayload)).not.toContain("Stakeholders ·");
  });

  it("the card's Stakeholders button answers with the map", async () => {
    const sent = await running.requests.blockAction({
      userId: "UOMAR0001",
      actionId: "stakeholders_open",
      value: acmeId,
    });
    const answer = (await running.slack.waitForResponse((r) => r.id === sent.responseId))
      .body as unknown as MessagePayload;
    expect(text(answer)).toContain("Stakeholders · Acme Corporation");
  });

  it("adds a person with several roles, audited, and redraws the map it came from", async () => {
    running.slack.reset();
    const click = await running.requests.blockAction({
      userId: "UMARIA001",
      actionId: "stakeholder_add",
      value: acmeId,
    });
    const view = await openedModal();
    expect(view.title.text).toBe("Add a person");
    const metadata = JSON.parse(view.private_metadata ?? "{}");
    expect(metadata).toMatchObject({ a: acmeId });
    expect(metadata.r).toContain(click.responseId);
    const reply = await submit(
      "UMARIA001",
      form({
        name: "  Lee   Park ",
        title: "CFO",
        email: "lee@acme.example",
        roles: ["economic_buyer", "executive_sponsor"],
        sentiment: "positive",
        notes: "x".repeat(3000),
      }),
      metadata,
      "VADDLEE01",
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toBe("");
    const lee = await running.db.prisma.stakeholder.findFirstOrThrow({ where: { name: "Lee Park" } });
    expect(lee).toMatchObject({
      title: "CFO",
      email: "lee@acme.example",
      role: "economic_buyer",
      otherRoles: ["executive_sponsor"],
      sentiment: "positive",
      lastContactOn: null,
    });
    expect(lee.notes).toHaveLength(3000);
    const audit = await running.db.prisma.auditLog.findFirstOrThrow({
      where: { action: "stakeholder.create" },
    });
    expect(audit).toMatchObject({ entityId: lee.id });
    const redrawn = (await running.slack.waitForResponse((r) => r.id === click.responseId))
      .body as unknown as unknown as MessagePayload & {
      replace_original?: boolean;
    };
    expect(redrawn.replace_original).toBe(true);
    // Lee is an economic buyer and a second sponsor: both warnings are gone.
    expect(text(redrawn)).toContain("Lee Park, CFO");
    expect(text(redrawn)).not.toContain("No economic buyer");
    expect(text(redrawn)).not.toContain("Only one executive sponsor");

    // The same view delivered again adds nobody.
    await submit("UMARIA001", form({ name: "Lee Park", roles: ["economic_buyer"] }), metadata, "VADDLEE01");
    expect(await running.db.prisma.stakeholder.count({ where: { name: "Lee Park" } })).toBe(1);
  });

  it("sends each problem back to its field and saves nothing", async () => {
    const before = await running.db.prisma.stakeholder.count();
    const reply = await submit(
      "UMARIA001",
      form({ name: "   ", email: "not an email", roles: [], leftOn: "2027-01-05" }),
      { a: acmeId },
    );
    expect(reply.json).toEqual({
      response_action: "errors",
      errors: {
        person_name: "Give the person's name.",
        person_email: "That is not an email address (name@company.com).",
        person_roles: "Pick at least one role on the map.",
        person_left_on: "Pick the day they left: today or earlier.",
      },
    });
    const tooLong = await submit("UMARIA001", form({ notes: "y".repeat(3001) }), { a: acmeId });
    expect(tooLong.json).toMatchObject({ errors: { person_notes: "At most 3000 characters." } });
    expect(await running.db.prisma.stakeholder.count()).toBe(before);
  });

  it("edits a person: the modal is filled in, and the change is audited", async () => {
    running.slack.reset();
    await running.requests.blockAction({
      userId: "UNINA0001",
      actionId: "stakeholder_edit_3",
      value: sponsorId,
    });
    const view = await openedModal();
    expect(view.title.text).toBe("Edit a person");
    expect(JSON.stringify(view.blocks)).toContain('"initial_value":"Raj Iyer"');
    const metadata = JSON.parse(view.private_metadata ?? "{}");
    expect(metadata).toMatchObject({ a: acmeId, s: sponsorId });
    await submit(
      "UNINA0001",
      form({
        name: "Raj Iyer",
        title: "Chief Operating Officer",
        roles: ["executive_sponsor"],
        sentiment: "neutral",
      }),
      metadata,
    );
    const raj = await running.db.prisma.stakeholder.findUniqueOrThrow({ where: { id: sponsorId } });
    expect(raj).toMatchObject({ title: "Chief Operating Officer", sentiment: "neutral" });
    const audit = await running.db.prisma.auditLog.findFirstOrThrow({
      where: { action: "stakeholder.update" },
    });
    expect(audit.changes).toMatchObject({
      title: ["COO", "Chief Operating Officer"],
      sentiment: ["positive", "neutral"],
    });
  });

  it("refuses someone who is not the CSM, their manager or an admin, at the button and at submission", async () => {
    running.slack.reset();
    const click = await running.requests.blockAction({
      userId: "UOMAR0001",
      actionId: "stakeholder_edit_3",
      value: sponsorId,
    });
    const answer = (await running.slack.waitForResponse((r) => r.id === click.responseId))
      .body as unknown as MessagePayload;
    expect(answer.text).toContain(
      "Only Maria Lopez, their manager or an admin can change this account's map.",
    );
    expect(running.slack.calls.some((call) => call.method === "views.open")).toBe(false);
    const reply = await submit("UOMAR0001", form({ name: "Mallory" }), { a: acmeId });
    expect(JSON.stringify(reply.json)).toContain("Only Maria Lopez");
    expect(await running.db.prisma.stakeholder.count({ where: { name: "Mallory" } })).toBe(0);
  });

  it("a champion who left leaves the map, stays in history, and opens the successor play once", async () => {
    await submit("UMARIA001", form({ name: "Dana Whitfield", roles: ["champion"], leftOn: "2026-12-04" }), {
      a: acmeId,
      s: championId,
    });
    const dana = await running.db.prisma.stakeholder.findUniqueOrThrow({ where: { id: championId } });
    expect(dana.leftOn?.toISOString().slice(0, 10)).toBe("2026-12-04");
    const plays = await running.db.prisma.play.findMany({
      where: { accountId: acmeId, kind: "contact_left" },
    });
    expect(plays).toHaveLength(1);
    expect(plays[0]?.reason).toContain("Dana Whitfield (champion) left the company");
    expect(plays[0]?.dueAt.toISOString()).toBe(new Date(now.getTime() + 14 * 86_400_000).toISOString());
    // Saving her again changes nothing about the play.
    await submit("UMARIA001", form({ name: "Dana Whitfield", roles: ["champion"], leftOn: "2026-12-04" }), {
      a: acmeId,
      s: championId,
    });
    expect(await running.db.prisma.play.count({ where: { accountId: acmeId, kind: "contact_left" } })).toBe(
      1,
    );

    const map = (await running.requests.command("/stakeholders", "acme corporation", { userId: "UMARIA001" }))
      .json as MessagePayload;
    expect(text(map)).not.toContain(`"value":"${championId}"`);
    expect(text(map)).toContain("Left the company: Dana Whitfield (left");
    expect(text(map)).toContain("Dana Whitfield (champion) left on");
    const card = (await running.requests.command("/account", "acme corporation", { userId: "UMARIA001" }))
      .json as MessagePayload;
    expect(text(card)).toContain("Find the successor");
    expect(text(card)).not.toContain("Dana Whitfield, ");
  });

  it("removes a person entered by mistake, and says so when the person or the account is gone", async () => {
    const mistake = await aStakeholder(running.db.prisma, acmeId, { name: "Typo Person", role: "end_user" });
    await submit("UMARIA001", form({ name: "Typo Person", roles: ["end_user"], remove: true }), {
      a: acmeId,
      s: mistake.id,
    });
    expect(await running.db.prisma.stakeholder.count({ where: { id: mistake.id } })).toBe(0);
    expect(
      await running.db.prisma.auditLog.count({
        where: { action: "stakeholder.delete", entityId: mistake.id },
      }),
    ).toBe(1);
    const again = await submit("UMARIA001", form({ name: "Typo Person" }), { a: acmeId, s: mistake.id });
    expect(JSON.stringify(again.json)).toContain("no longer on this account's map");
    const gone = await submit("UMARIA001", form({ name: "Someone" }), { a: "no-such-account" });
    expect(JSON.stringify(gone.json)).toContain("That account no longer exists");
  });
});
