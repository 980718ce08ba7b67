import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { User } from "../../src/generated/prisma/client.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { anAccount, aPlay, aUser } from "../helpers/factories.ts";
import type { RecordedResponse } from "../helpers/fake-slack.ts";
import { type RunningApp, startRunningApp } from "../helpers/running-app.ts";
import { slashPlays as slashPlaysAs } from "../helpers/slash-plays.ts";

type Element = {
  type: string;
  action_id?: string;
  value?: string;
  options?: { text: { text: string }; value: string }[];
};
type Block = { type: string; block_id?: string; elements?: Element[]; [key: string]: unknown };
type Message = {
  response_type?: string;
  replace_original?: boolean;
  text?: string;
  blocks?: Block[];
};
type ModalView = { callback_id: string; private_metadata: string; blocks: Block[] };

const now = new Date("2026-11-23T09:00:00Z");
const unix = (date: Date) => Math.floor(date.getTime() / 1000);
const allText = (message: Message): string => JSON.stringify(message.blocks ?? []) + (message.text ?? "");

function elements(message: Message): Element[] {
  return (message.blocks ?? []).flatMap((block) => (block.type === "actions" ? (block.elements ?? []) : []));
}

/** The Claim/Snooze/Close element of the play at `index` in the message. */
function element(message: Message, actionId: string): Element {
  const found = elements(message).find((candidate) => candidate.action_id === actionId);
  if (!found) throw new Error(`no ${actionId} in ${JSON.stringify(message.blocks)}`);
  return found;
}

function snoozeOption(message: Message, actionId: string, days: number): string {
  const option = element(message, actionId).options?.find((o) => JSON.parse(o.value).d === days);
  if (!option) throw new Error(`no ${days}-day option on ${actionId}`);
  return option.value;
}

/** Which play index a play id sits at in a rendered message. */
function indexOf(message: Message, playId: string): number {
  const close = elements(message).find(
    (candidate) =>
      candidate.action_id?.startsWith("play_close_") && JSON.parse(candidate.value ?? "{}").p === playId,
  );
  if (!close?.action_id) throw new Error(`play ${playId} is not in the message`);
  return Number(close.action_id.slice("play_close_".length));
}

describe("working plays from Slack", () => {
  let running: RunningApp;
  let manager: User;
  let outsider: User;
  let alex: User;

  const prisma = () => running.db.prisma;

  const slashPlays = (user: User) => slashPlaysAs<Message>(running, user);

  /** Clicks a button (or picks a select option) and returns what the app posted to that message's response_url. */
  function click(
    user: User,
    actionId: string,
    value: { button: string } | { option: string },
  ): Promise<Message> {
    return act(user, {
      actionId,
      ...("button" in value ? { value: value.button } : { selectedOption: value.option }),
    });
  }

  /** Picks a person in the play's Reassign menu, as found in `message`. */
  function reassign(user: User, message: Message, playId: string, to: string): Promise<Message> {
    const index = indexOf(message, playId);
    const block = (message.blocks ?? []).find((candidate) =>
      candidate.elements?.some((e) => e.action_id === `play_reassign_${index}`),
    );
    return act(user, { actionId: `play_reassign_${index}`, blockId: block?.block_id, selectedUser: to });
  }

  async function act(
    user: User,
    action: Omit<Parameters<RunningApp["requests"]["blockAction"]>[0], "userId">,
  ): Promise<Message> {
    const sent = await running.requests.blockAction({ userId: user.slackUserId, ...action });
    expect(sent.status).toBe(200);
    const response: RecordedResponse = await running.slack.waitForResponse((r) => r.id === sent.responseId);
    const message = response.body as Message;
    expectWithinSlackLimits(message, "message");
    return message;
  }

  async function aCsmWithAPlay(accountName = "Acme Corporation") {
    const csm = await aUser(prisma(), { name: "Maria Lopez" });
    const account = await anAccount(prisma(), { name: accountName, ownerId: csm.id, arr: "120000.00" });
    const play = await aPlay(prisma(), account.id, { ownerId: csm.id, reason: "Health red: 34" });
    return { csm, account, play };
  }

  async function claimButton(user: User, playId: string) {
    const list = await slashPlays(user);
    const id = `play_claim_${indexOf(list, playId)}`;
    return { actionId: id, value: { button: element(list, id).value as string } };
  }

  const auditOf = (playId: string) =>
    prisma().auditLog.findMany({
      where: { entityType: "Play", entityId: playId },
      orderBy: { createdAt: "asc" },
    });

  beforeAll(async () => {
    running = await startRunningApp({ now });
    manager = await aUser(running.db.prisma, { name: "Nina Patel", role: "manager" });
    outsider = await aUser(running.db.prisma, { name: "Omar Reyes" });
    alex = await aUser(running.db.prisma, { name: "Alex Kim" });
  });
  afterAll(async () => running?.stop());
  beforeEach(() => running.slack.reset());
  afterEach(() => {
    // Refusals are answers, not failures: nothing a user did here may be logged as an error.
    expect(running.logLines.filter((line) => line.includes("ERROR"))).toEqual([]);
  });

  it("lists a CSM's open plays, overdue first, then the soonest due", async () => {
    const csm = await aUser(prisma(), { name: "Maria Lopez" });
    const account = (name: string, arr: string) => anAccount(prisma(), { name, arr, ownerId: csm.id });
    const [initech, globex, acme] = [
      await account("Initech", "50000.00"),
      await account("Globex", "300000.00"),
      await account("Acme Corporation", "120000.00"),
    ];
    await aPlay(prisma(), acme.id, { ownerId: csm.id, dueAt: new Date("2026-11-24T08:00:00Z") });
    await aPlay(prisma(), globex.id, { ownerId: csm.id, dueAt: new Date("2026-11-24T09:00:00Z") });
    await aPlay(prisma(), initech.id, {
      ownerId: csm.id,
      kind: "billing_check",
      dueAt: new Date("2026-11-22T09:00:00Z"),
    });
    await aPlay(prisma(), acme.id, {
      ownerId: csm.id,
      kind: "second_sponsor",
      status: "closed",
      outcome: "done",
    });
    const othersAccount = await anAccount(prisma(), { name: "Umbrella", ownerId: alex.id, arr: "900000.00" });
    await aPlay(prisma(), othersAccount.id, { ownerId: alex.id });

    const list = await slashPlays(csm);

    expect(list.response_type).toBe("ephemeral");
    const text = allText(list);
    expect(text).toContain("Your open plays: 3 on 3 accounts");
    const order = ["Initech", "Acme Corporation", "Globex"].map((name) => text.indexOf(`*${name}*`));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain("⚠️ overdue");
    expect(text).not.toContain("Umbrella");
    expect(text).not.toContain("Map a second executive sponsor");
    expect(text).toContain(
      `Unclaimed · owner <@${csm.slackUserId}> · due <!date^${unix(new Date("2026-11-24T08:00:00Z"))}^`,
    );
  });

  it("tells a CSM with no open plays so, kindly", async () => {
    const csm = await aUser(prisma(), { name: "Idle CSM" });
    expect(allText(await slashPlays(csm))).toContain("No open plays");
  });

  it("a CSM claims a play from /plays and the list is re-rendered in place with the new owner", async () => {
    const { csm, play } = await aCsmWithAPlay();
    const claim = await claimButton(csm, play.id);

    const updated = await click(csm, claim.actionId, claim.value);

    expect(updated.replace_original).toBe(true);
    expect(allText(updated)).toContain(`Claimed by <@${csm.slackUserId}> · due <!date^`);
    expect(elements(updated).some((e) => e.action_id?.startsWith("play_claim_"))).toBe(false);
    expect(await prisma().play.findUniqueOrThrow({ where: { id: play.id } })).toMatchObject({
      status: "claimed",
      claimedById: csm.id,
    });
    expect(await auditOf(play.id)).toMatchObject([
      { action: "play.claim", actorId: csm.id, actorLabel: csm.slackUserId, source: "slack" },
    ]);
  });

  it("a second person clicking Claim is told who got the play, and nothing changes", async () => {
    const { csm, play } = await aCsmWithAPlay();
    const claim = await claimButton(csm, play.id);
    await click(csm, claim.actionId, claim.value);

    const answer = await click(alex, claim.actionId, claim.value);

    expect(answer).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(answer.text).toBe(`Maria Lopez (<@${csm.slackUserId}>) claimed this play first.`);
    expect((await prisma().play.findUniqueOrThrow({ where: { id: play.id } })).claimedById).toBe(csm.id);
    expect(await auditOf(play.id)).toHaveLength(1);
  });

  it("two people clicking Claim at the same moment leave one claimer, and the other is told who", async () => {
    const { csm, play } = await aCsmWithAPlay();
    const claim = await claimButton(csm, play.id);

    const [byAlex, byOmar] = await Promise.all([
      click(alex, claim.actionId, claim.value),
      click(outsider, claim.actionId, claim.value),
    ]);

    const stored = await prisma().play.findUniqueOrThrow({ where: { id: play.id } });
    const winner = stored.claimedById === alex.id ? alex : outsider;
    expect([alex.id, outsider.id]).toContain(stored.claimedById);
    const [won, lost] = winner === alex ? [byAlex, byOmar] : [byOmar, byAlex];
    expect(won.replace_original).toBe(true);
    expect(allText(won)).toContain(`Claimed by <@${winner.slackUserId}>`);
    expect(lost.replace_original).toBe(false);
    expect(lost.text).toBe(`${winner.name} (<@${winner.slackUserId}>) claimed this play first.`);
    expect(await auditOf(play.id)).toHaveLength(1);
  });

  it("clicking Claim twice on your own play changes nothing the second time", async () => {
    const { csm, play } = await aCsmWithAPlay();
    const claim = await claimButton(csm, play.id);
    await click(csm, claim.actionId, claim.value);
    const again = await click(csm, claim.actionId, claim.value);
    expect(again.replace_original).toBe(true);
    expect(allText(again)).toContain(`Claimed by <@${csm.slackUserId}>`);
    expect(await auditOf(play.id)).toHaveLength(1);
  });

  it("the owner snoozes a play for 3 days and the list shows until when", async () => {
    const { csm, play } = await aCsmWithAPlay();
    const list = await slashPlays(csm);
    const actionId = `play_snooze_${indexOf(list, play.id)}`;

    const updated = await click(csm, actionId, { option: snoozeOption(list, actionId, 3) });

    const until = new Date(now.getTime() + 3 * 86_400_000);
    expect(updated.replace_original).toBe(true);
    expect(allText(updated)).toContain(
      `Snoozed until <!date^${unix(until)}^{date_short_pretty} {time}|2026-11-26 09:00 UTC>`,
    );
    expect(await prisma().play.findUniqueOrThrow({ where: { id: play.id } })).toMatchObject({
      status: "snoozed",
      snoozedUntil: until,
    });
    expect(await auditOf(play.id)).toMatchObject([{ action: "play.snooze", actorId: csm.id }]);
  });

  it("refuses to let an unrelated CSM snooze or close someone else's play, and explains who can", async () => {
    const { csm, play } = await aCsmWithAPlay();
    const list = await slashPlays(csm);
    const index = indexOf(list, play.id);

    const snooze = await click(outsider, `play_snooze_${index}`, {
      option: snoozeOption(list, `play_snooze_${index}`, 7),
    });
    const close = await click(outsider, `play_close_${index}`, {
      button: element(list, `play_close_${index}`).value as string,
    });

    for (const [verb, answer] of [
      ["snooze", snooze],
      ["close", close],
    ] as const) {
      expect(answer).toMatchObject({ response_type: "ephemeral", replace_original: false });
      expect(answer.text).toContain(
        `Only Maria Lopez (<@${csm.slackUserId}>), a manager or an admin can ${verb} this play.`,
      );
    }
    expect(running.slack.callsTo("views.open")).toEqual([]);
    expect(await prisma().play.findUniqueOrThrow({ where: { id: play.id } })).toMatchObject({
      status: "open",
      snoozedUntil: null,
      dueAt: play.dueAt,
      closedAt: null,
    });
    expect(await auditOf(play.id)).toEqual([]);
  });

  describe("closing through the modal", () => {
    async function openCloseModal(user: User, list: Message, playId: string) {
      const actionId = `play_close_${indexOf(list, playId)}`;
      const sent = await running.requests.blockAction({
        userId: user.slackUserId,
        actionId,
        value: element(list, actionId).value as string,
      });
      const call = await running.slack.waitFor("views.open", (c) => typeof c.args.trigger_id === "string");
      const view = call.args.view as ModalView;
      expectWithinSlackLimits(view, "modal");
      return { view, responseId: sent.responseId };
    }

    function submit(
      user: User,
      view: ModalView,
      form: { outcome?: string; note?: string; logTouch?: boolean; touchKind?: string; touchAt?: Date },
    ) {
      const selected = (value: string) => ({ text: { type: "plain_text", text: value }, value });
      return running.requests.viewSubmission({
        userId: user.slackUserId,
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        values: {
          outcome: {
            outcome: { type: "static_select", selected_option: form.outcome ? selected(form.outcome) : null },
          },
          note: { note: { type: "plain_text_input", value: form.note ?? null } },
          log_touch: {
            log_touch: { type: "checkboxes", selected_options: form.logTouch ? [selected("log")] : [] },
          },
          touch_kind: {
            touch_kind: { type: "static_select", selected_option: selected(form.touchKind ?? "call") },
          },
          touch_at: {
            touch_at: {
              type: "datetimepicker",
              selected_date_time: form.touchAt ? Math.floor(form.touchAt.getTime() / 1000) : null,
            },
          },
        },
      });
    }

    it("Close opens a modal; submitting it closes the play, logs a touch, audits, and updates the message", async () => {
      const { csm, account, play } = await aCsmWithAPlay();
      const list = await slashPlays(csm);
      const { view, responseId } = await openCloseModal(csm, list, play.id);
      expect(view.callback_id).toBe("play_close");
      expect(JSON.stringify(view.blocks)).toContain("Acme Corporation");

      // The meeting was yesterday afternoon: the touch says so, rather than now.
      const yesterday = new Date(now.getTime() - 20 * 3_600_000);
      const reply = await submit(csm, view, {
        outcome: "done",
        note: "Agreed a save plan with Dana and the sponsor",
        logTouch: true,
        touchKind: "meeting",
        touchAt: yesterday,
      });

      expect(reply.status).toBe(200);
      expect(reply.json).toBeUndefined(); // a plain ack: the modal closes
      const updated = (await running.slack.waitForResponse((r) => r.id === responseId)).body as Message;
      expectWithinSlackLimits(updated, "message");
      expect(updated.replace_original).toBe(true);
      expect(allText(updated)).toContain("No open plays");
      expect(await prisma().play.findUniqueOrThrow({ where: { id: play.id } })).toMatchObject({
        status: "closed",
        outcome: "done",
        outcomeNote: "Agreed a save plan with Dana and the sponsor",
        closedById: csm.id,
        closedAt: now,
        openKey: null,
      });
      const touches = await prisma().touch.findMany({ where: { accountId: account.id } });
      expect(touches).toMatchObject([
        {
          kind: "meeting",
          summary: "Agreed a save plan with Dana and the sponsor",
          authorId: csm.id,
          occurredAt: new Date(Math.floor((now.getTime() - 20 * 3_600_000) / 1000) * 1000),
        },
      ]);
      expect(await auditOf(play.id)).toMatchObject([{ action: "play.close", actorId: csm.id }]);
      const touchAudit = await prisma().auditLog.findMany({
        where: { entityType: "Touch", entityId: touches[0]?.id },
      });
      expect(touchAudit).toMatchObject([{ action: "touch.create", actorId: csm.id }]);
    });

    it("double-submitting the close says who already closed it, and changes nothing", async () => {
      const { csm, account, play } = await aCsmWithAPlay();
      const { view } = await openCloseModal(csm, await slashPlays(csm), play.id);
      await submit(csm, view, { outcome: "done", note: "Handled", logTouch: true });

      const again = await submit(csm, view, { outcome: "escalated", note: "Handled twice", logTouch: true });

      const answer = again.json as { response_action: string; view: ModalView };
      expect(answer.response_action).toBe("update");
      expectWithinSlackLimits(answer.view, "modal");
      expect(JSON.stringify(answer.view.blocks)).toContain(
        `already closed by Maria Lopez (<@${csm.slackUserId}>) on 2026-11-23 (Done)`,
      );
      expect(await prisma().play.findUniqueOrThrow({ where: { id: play.id } })).toMatchObject({
        outcome: "done",
      });
      expect(await prisma().touch.count({ where: { accountId: account.id } })).toBe(1);
      expect(await auditOf(play.id)).toHaveLength(1);
    });

    it("a manager may close someone else's play", async () => {
      const { play } = await aCsmWithAPlay("Wayne Enterprises");
      const card = JSON.parse(
        (await running.requests.command("/account", "Wayne Enterprises", { userId: manager.slackUserId }))
          .body,
      ) as Message;
      const { view } = await openCloseModal(manager, card, play.id);

      const reply = await submit(manager, view, { outcome: "escalated", note: "Escalated to the VP" });

      expect(reply.json).toBeUndefined();
      expect(await prisma().play.findUniqueOrThrow({ where: { id: play.id } })).toMatchObject({
        status: "closed",
        outcome: "escalated",
        closedById: manager.id,
      });
    });

    it("answers field errors in the modal: no outcome, a note too long, a touch without a note", async () => {
      const { csm, account, play } = await aCsmWithAPlay();
      const { view } = await openCloseModal(csm, await slashPlays(csm), play.id);

      const noOutcome = (await submit(csm, view, { note: "x" })).json;
      const tooLong = (await submit(csm, view, { outcome: "done", note: "x".repeat(2001) })).json;
      const bareTouch = (await submit(csm, view, { outcome: "done", logTouch: true })).json;

      expect(noOutcome).toMatchObject({ response_action: "errors", errors: { outcome: expect.any(String) } });
      expect(tooLong).toMatchObject({
        response_action: "errors",
        errors: { note: expect.stringContaining("2000") },
      });
      expect(bareTouch).toMatchObject({
        response_action: "errors",
        errors: { note: expect.stringMatching(/touch/) },
      });
      expect((await prisma().play.findUniqueOrThrow({ where: { id: play.id } })).status).toBe("open");
      expect(await prisma().touch.count({ where: { accountId: account.id } })).toBe(0);
    });
  });

  describe("reassigning a play", () => {
    async function accountCard(user: User, name: string): Promise<Message> {
      const reply = await running.requests.command("/account", name, { userId: user.slackUserId });
      const card = JSON.parse(reply.body) as Message;
      expectWithinSlackLimits(card, "message");
      return card;
    }

    const stored = (playId: string) => prisma().play.findUniqueOrThrow({ where: { id: playId } });

    it("the owner hands a play to a teammate new to the bot, and the card shows the new owner", async () => {
      const { csm, play } = await aCsmWithAPlay("Stark Reassign Co");
      // Added to the team by an admin, never used the bot: Slack says who they are.
      await aUser(prisma(), { slackUserId: "UJORDAN01", name: null, email: null, timeZone: null });
      running.slack.addUser({ id: "UJORDAN01", realName: "Jordan Blake", tz: "Europe/London" });
      const card = await accountCard(csm, "Stark Reassign Co");
      const menu = element(card, `play_reassign_${indexOf(card, play.id)}`);
      expect(menu).toMatchObject({ type: "users_select", placeholder: { text: "Reassign…" } });

      const updated = await reassign(csm, card, play.id, "UJORDAN01");

      expect(updated.replace_original).toBe(true);
      expect(allText(updated)).toContain("Stark Reassign Co");
      expect(allText(updated)).toContain("Unclaimed · owner <@UJORDAN01> · due <!date^");
      const jordan = await prisma().user.findUniqueOrThrow({ where: { slackUserId: "UJORDAN01" } });
      expect(jordan).toMatchObject({ name: "Jordan Blake", role: "csm", timeZone: "Europe/London" });
      expect(await stored(play.id)).toMatchObject({ ownerId: jordan.id, status: "open", claimedById: null });
      expect(await auditOf(play.id)).toMatchObject([
        {
          action: "play.reassign",
          actorId: csm.id,
          changes: { ownerId: [csm.id, jordan.id], claimedById: [null, null], status: ["open", "open"] },
        },
      ]);
    });

    it("hands a claimed play over: the CSM's manager reassigns it, the claim is dropped and the play is open", async () => {
      const { csm, play } = await aCsmWithAPlay("Wonka Reassign Ltd");
      await prisma().user.update({ where: { id: csm.id }, data: { managerId: manager.id } });
      const card = await accountCard(alex, "Wonka Reassign Ltd");
      const claimId = `play_claim_${indexOf(card, play.id)}`;
      await click(alex, claimId, { button: element(card, claimId).value as string });

      const updated = await reassign(
        manager,
        await accountCard(manager, "Wonka Reassign Ltd"),
        play.id,
        outsider.slackUserId,
      );

      expect(allText(updated)).toContain(`Unclaimed · owner <@${outsider.slackUserId}>`);
      expect(allText(updated)).not.toContain(`<@${alex.slackUserId}>`);
      expect(await stored(play.id)).toMatchObject({
        ownerId: outsider.id,
        claimedById: null,
        status: "open",
      });
      expect((await auditOf(play.id)).map((row) => row.action)).toEqual(["play.claim", "play.reassign"]);
    });

    it("a play given away leaves the giver's /plays list, and a snoozed one stays snoozed", async () => {
      const { csm, play } = await aCsmWithAPlay();
      const list = await slashPlays(csm);
      const snoozeId = `play_snooze_${indexOf(list, play.id)}`;
      const snoozed = await click(csm, snoozeId, { option: snoozeOption(list, snoozeId, 7) });

      const updated = await reassign(csm, snoozed, play.id, alex.slackUserId);

      expect(updated.replace_original).toBe(true);
      expect(allText(updated)).toContain("No open plays");
      expect(await stored(play.id)).toMatchObject({ ownerId: alex.id, status: "snoozed" });
      expect(allText(await slashPlays(alex))).toContain(`Snoozed until <!date^`);
    });

    it("picking the person who already has the play changes nothing", async () => {
      const { csm, play } = await aCsmWithAPlay();

      const updated = await reassign(csm, await slashPlays(csm), play.id, csm.slackUserId);

      expect(updated.replace_original).toBe(true);
      expect(allText(updated)).toContain(`Unclaimed · owner <@${csm.slackUserId}>`);
      expect(await stored(play.id)).toMatchObject({ ownerId: csm.id, status: "open" });
      expect(await auditOf(play.id)).toEqual([]);
    });

    it("refuses an unrelated CSM, explains who can, and does not add the picked person to the team", async () => {
      const { csm, play } = await aCsmWithAPlay("Tyrell Reassign Inc");
      const card = await accountCard(outsider, "Tyrell Reassign Inc");

      const answer = await reassign(outsider, card, play.id, "UNOBODY01");

      expect(answer).toMatchObject({ response_type: "ephemeral", replace_original: false });
      expect(answer.text).toBe(
        `Only Maria Lopez (<@${csm.slackUserId}>), their manager or an admin can reassign this play; claiming it is not enough.`,
      );
      expect(await stored(play.id)).toMatchObject({ ownerId: csm.id, status: "open" });
      expect(await prisma().user.count({ where: { slackUserId: "UNOBODY01" } })).toBe(0);
      expect(await auditOf(play.id)).toEqual([]);
    });

    it("a closed play cannot be reassigned, and the menu says who closed it", async () => {
      const { csm, play } = await aCsmWithAPlay();
      const list = await slashPlays(csm);
      await prisma().play.update({
        where: { id: play.id },
        data: { status: "closed", outcome: "done", closedById: csm.id, closedAt: now, openKey: null },
      });

      const answer = await reassign(csm, list, play.id, alex.slackUserId);

      expect(answer.replace_original).toBe(false);
      expect(answer.text).toBe(
        `This play was already closed by Maria Lopez (<@${csm.slackUserId}>) on 2026-11-23 (Done).`,
      );
      expect(await stored(play.id)).toMatchObject({ ownerId: csm.id, status: "closed" });
      expect(await auditOf(play.id)).toEqual([]);
    });

    describe("the new owner is told by direct message", () => {
      const dmsTo = (slackUserId: string) =>
        running.slack.callsTo("chat.postMessage").filter((call) => call.args.channel === slackUserId);

      it("the owner hands a play to a teammate, who gets a DM saying what, on which account, from whom, due when", async () => {
        const { csm, play } = await aCsmWithAPlay("Initrode Handover Inc");
        await aUser(prisma(), { slackUserId: "UPRIYA001", name: "Priya Shah" });
        running.slack.addUser({ id: "UPRIYA001", realName: "Priya Shah" });

        await reassign(csm, await accountCard(csm, "Initrode Handover Inc"), play.id, "UPRIYA001");

        const [dm, ...more] = dmsTo("UPRIYA001");
        expect(more).toEqual([]);
        const message = dm?.args as Message;
        expectWithinSlackLimits(message, "message");
        const due = `<!date^${unix(play.dueAt)}^{date_short_pretty} {time}|`;
        expect(message.text).toContain(`<@${csm.slackUserId}> handed you a play on Initrode Handover Inc`);
        expect(message.text).toContain(`due ${due}`);
        const text = allText(message);
        expect(text).toContain(`<@${csm.slackUserId}> handed you a play on *Initrode Handover Inc*`);
        expect(text).toContain("Health red: 34");
        expect(text).toContain(`Unclaimed · owner <@UPRIYA001> · due ${due}`);
        expect(elements(message).map((e) => e.action_id)).toEqual([
          "play_claim_0",
          "play_snooze_0",
          "play_reassign_0",
          "play_close_0",
        ]);
        expect(JSON.parse(element(message, "play_claim_0").value as string)).toEqual({
          p: play.id,
          s: "account",
        });
        expect(dm?.response.ok).toBe(true);
      });

      it("nobody is messaged when the CSM's manager takes a play for themselves", async () => {
        const { csm, play } = await aCsmWithAPlay("Soylent Self Co");
        await prisma().user.update({ where: { id: csm.id }, data: { managerId: manager.id } });

        const updated = await reassign(
          manager,
          await accountCard(manager, "Soylent Self Co"),
          play.id,
          manager.slackUserId,
        );

        expect(allText(updated)).toContain(`Unclaimed · owner <@${manager.slackUserId}>`);
        expect(await stored(play.id)).toMatchObject({ ownerId: manager.id });
        expect(running.slack.callsTo("chat.postMessage")).toEqual([]);
      });

      it("a DM Slack refuses is logged as a warning and the play still changes hands", async () => {
        const { csm, play } = await aCsmWithAPlay();
        running.slack.failNext("chat.postMessage", "channel_not_found");

        const updated = await reassign(csm, await slashPlays(csm), play.id, alex.slackUserId);

        expect(updated.replace_original).toBe(true);
        expect(await stored(play.id)).toMatchObject({ ownerId: alex.id });
        expect(await auditOf(play.id)).toMatchObject([{ action: "play.reassign" }]);
        expect(dmsTo(alex.slackUserId)).toMatchObject([{ response: { ok: false } }]);
        expect(running.logLines.some((line) => line.includes("WARN") && line.includes(play.id))).toBe(true);
      });
    });

    describe("only a person who can work the play can be picked", () => {
      const cases = [
        {
          who: "an app's bot user",
          user: { id: "UBOTAPP01", realName: "Deploy Bot", isBot: true },
          says: "Deploy Bot (<@UBOTAPP01>) is a bot or an app: a play needs a person to own it. Pick someone on the team.",
        },
        {
          who: "Slackbot",
          user: { id: "USLACKBOT", realName: "Slackbot" },
          says: "Slackbot (<@USLACKBOT>) is a bot or an app: a play needs a person to own it. Pick someone on the team.",
        },
        {
          who: "a deactivated person",
          user: { id: "ULEFT0001", realName: "Sam Gone", deleted: true },
          says: "Sam Gone (<@ULEFT0001>) has been deactivated in Slack and cannot work this play. Pick someone on the team.",
        },
      ];

      it.each(cases)("refuses $who, and nothing changes", async ({ user, says }) => {
        const { csm, play } = await aCsmWithAPlay();
        running.slack.addUser(user);

        const answer = await reassign(csm, await slashPlays(csm), play.id, user.id);

        expect(answer).toMatchObject({ response_type: "ephemeral", replace_original: false, text: says });
        expect(running.slack.callsTo("users.info").map((call) => call.args.user)).toContain(user.id);
        expect(await stored(play.id)).toMatchObject({ ownerId: csm.id, status: "open", claimedById: null });
        expect(await auditOf(play.id)).toEqual([]);
        expect(await prisma().user.count({ where: { slackUserId: user.id } })).toBe(0);
        expect(running.slack.callsTo("chat.postMessage")).toEqual([]);
      });

      it("refuses someone on the team who has since been deactivated in Slack", async () => {
        const { csm, play } = await aCsmWithAPlay();
        const leaver = await aUser(prisma(), { name: "Lee Moved" });
        running.slack.addUser({ id: leaver.slackUserId, realName: "Lee Moved", deleted: true });

        const answer = await reassign(csm, await slashPlays(csm), play.id, leaver.slackUserId);

        expect(answer.text).toBe(
          `Lee Moved (<@${leaver.slackUserId}>) has been deactivated in Slack and cannot work this play. Pick someone on the team.`,
        );
        expect(await stored(play.id)).toMatchObject({ ownerId: csm.id });
        expect(await auditOf(play.id)).toEqual([]);
      });

      it("when Slack cannot say who was picked, nothing changes and the clicker is told", async () => {
        const { csm, play } = await aCsmWithAPlay();
        const list = await slashPlays(csm);
        const picked = await aUser(prisma(), { name: "Kim Asked" });
        running.slack.failNext("users.info", "fatal_error");

        const answer = await reassign(csm, list, play.id, picked.slackUserId);

        expect(answer.replace_original).toBe(false);
        expect(answer.text).toContain("nothing was changed");
        expect(await stored(play.id)).toMatchObject({ ownerId: csm.id });
        expect(await auditOf(play.id)).toEqual([]);
        expect(running.slack.callsTo("chat.postMessage")).toEqual([]);
        // A Slack failure is ours, logged as an error with a reference; this test expects exactly that one.
        const errors = running.logLines.filter((line) => line.includes("ERROR"));
        expect(errors).toEqual([expect.stringContaining("listener failed")]);
        running.logLines.length = 0;
      });
    });

    it("a menu whose block id was tampered with is refused as out of date", async () => {
      const { csm, play } = await aCsmWithAPlay();
      const list = await slashPlays(csm);
      const actionId = `play_reassign_${indexOf(list, play.id)}`;

      const answer = await act(csm, { actionId, blockId: 'play:{"p":1}', selectedUser: alex.slackUserId });

      expect(answer.replace_original).toBe(false);
      expect(answer.text).toContain("out of date");
      expect(await stored(play.id)).toMatchObject({ ownerId: csm.id });
    });
  });

  it("a claim from the account card re-renders the card with the new owner", async () => {
    const { play } = await aCsmWithAPlay("Hooli Card Co");
    const card = JSON.parse(
      (await running.requests.command("/account", "Hooli Card Co", { userId: alex.slackUserId })).body,
    ) as Message;
    expectWithinSlackLimits(card, "message");
    const actionId = `play_claim_${indexOf(card, play.id)}`;
    expect(JSON.parse(element(card, actionId).value as string)).toEqual({ p: play.id, s: "account" });

    const updated = await click(alex, actionId, { button: element(card, actionId).value as string });

    expect(updated.replace_original).toBe(true);
    expect(allText(updated)).toContain("Hooli Card Co");
    expect(allText(updated)).toContain(`Claimed by <@${alex.slackUserId}>`);
    expect(elements(updated).map((e) => e.action_id)).toContain("account_share");
  });
});
