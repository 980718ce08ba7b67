// Recording renewal outcomes and churns from Slack: Record renewal on the card (from T-90, or past due) and
// on a renewal reminder, Record churn on the card; each modal proposes the figures and says what recording
// does, sends bad input back to its field, records once however often it is submitted, refuses whoever
// may not write, and the ledger, the renewal date and the plays change as it said.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../../src/generated/prisma/client.ts";
import type { ModalView } from "../../src/slack/views/blocks.ts";
import { renewalReminderMessage } from "../../src/slack/views/renewal-reminder.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { clickAs, type Message, slashAs, textOf } from "../helpers/card-clicks.ts";
import { testEngine } from "../helpers/database.ts";
import { anAccount, aPlay, aUser } from "../helpers/factories.ts";
import { ledgerOf } from "../helpers/ledger.ts";
import { type RunningApp, startRunningApp } from "../helpers/running-app.ts";

const now = new Date("2026-12-07T10:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

type Values = Record<string, Record<string, unknown>>;
const radio = (id: string, value: string | null): Values => ({
  [id]: { [id]: { type: "radio_buttons", selected_option: value ? { value } : null } },
});
const text = (id: string, value: string | null): Values => ({
  [id]: { [id]: { type: "plain_text_input", value } },
});
const date = (id: string, value: string | null): Values => ({
  [id]: { [id]: { type: "datepicker", selected_date: value } },
});
const churnFields = (reason: string | null, kind: string | null) => ({
  ...text("churn_reason", reason),
  ...radio("churn_kind", kind),
});
const renewed = (arr: string | null, next: string | null): Values => ({
  ...radio("outcome_result", "renewed"),
  ...text("outcome_arr", arr),
  ...date("outcome_renewal_date", next),
});
const churned = (reason: string | null, kind: string | null): Values => ({
  ...radio("outcome_result", "churned"),
  ...churnFields(reason, kind),
});

describe(`renewal outcomes and churns from Slack on ${testEngine}`, () => {
  let running: RunningApp;
  let maria: User;
  let ines: User;
  let tom: User;
  let vic: User;
  let ada: User;
  const ids: Record<string, string> = {};
  const prisma = () => running.db.prisma;

  beforeAll(async () => {
    running = await startRunningApp({ now });
    ines = await aUser(prisma(), { slackUserId: "UINES0001", name: "Ines Manager", role: "manager" });
    maria = await aUser(prisma(), { slackUserId: "UMARIA001", name: "Maria Lopez", managerId: ines.id });
    tom = await aUser(prisma(), { slackUserId: "UTOM00001", name: "Tom Colleague" });
    vic = await aUser(prisma(), { slackUserId: "UVIC00001", name: "Vic Viewer", role: "viewer" });
    ada = await aUser(prisma(), { slackUserId: "UADA00001", name: "Ada Admin", role: "admin" });
    const account = async (name: string, arr: string, contractStart: string, renewalDate: string) =>
      (
        await anAccount(prisma(), {
          name,
          ownerId: maria.id,
          arr,
          contractStart: day(contractStart),
          renewalDate: day(renewalDate),
        })
      ).id;
    ids.acme = await account("Acme Corporation", "50000", "2025-12-31", "2026-12-31");
    ids.globex = await account("Globex", "80000", "2025-11-30", "2026-11-30");
    ids.initech = await account("Initech", "30000", "2025-12-20", "2026-12-20");
    ids.hooli = await account("Hooli", "42000", "2025-12-15", "2026-12-15");
    ids.umbrella = await account("Umbrella", "12000", "2026-09-01", "2027-09-01");
    for (const accountId of [ids.acme, ids.hooli, ids.umbrella] as string[]) {
      await aPlay(prisma(), accountId, { kind: "renewal_commit", ownerId: maria.id });
      await aPlay(prisma(), accountId, { kind: "save", ownerId: maria.id });
    }
  });
  afterAll(async () => running?.stop());

  /** The card as `userId` gets it from /account, and the buttons of its contract row. */
  async function cardOf(query: string, userId = "UMARIA001") {
    const card = await slashAs(running, "/account", query, userId);
    const row = (card.blocks ?? []).find((block) => block.block_id === "account_contract");
    return { card, contract: (row?.elements ?? []).map((element) => element.action_id) };
  }

  /** Clicks a button of the card's contract row and returns the modal it opened. */
  async function openFromCard(actionId: string, accountId: string, userId = "UMARIA001") {
    running.slack.reset();
    const click = await running.requests.blockAction({
      userId,
      actionId,
      value: accountId,
      blockId: "account_contract",
    });
    const opened = await running.slack.waitFor("views.open");
    const view = opened.args.view as ModalView;
    expectWithinSlackLimits(view, "modal");
    const shown = opened.response.view as { id: string; hash: string };
    return { view, responseId: click.responseId, shown };
  }

  /** Picks Renewed or Churned in an open Record renewal modal and returns the modal drawn for it. */
  async function pick(choice: string, view: ModalView, shown: { id: string; hash: string }) {
    running.slack.reset();
    await running.requests.blockAction({
      userId: "UMARIA001",
      actionId: "outcome_result",
      selectedOption: choice,
      view: { ...shown, callback_id: view.callback_id, private_metadata: view.private_metadata ?? "" },
    });
    const update = await running.slack.waitFor("views.update");
    expect(update.status).toBe(200);
    expect(update.args.view_id).toBe(shown.id);
    const redrawn = update.args.view as ModalView;
    expectWithinSlackLimits(redrawn, "modal");
    return redrawn;
  }

  async function submit(view: ModalView, values: Values, options: { userId?: string; viewId?: string } = {}) {
    const reply = await running.requests.viewSubmission({
      userId: options.userId ?? "UMARIA001",
      callbackId: view.callback_id,
      privateMetadata: view.private_metadata ?? "",
      values,
      ...(options.viewId ? { viewId: options.viewId } : {}),
    });
    expect(reply.status).toBe(200);
    const json = reply.json as { response_action: string; view?: ModalView; errors?: Record<string, string> };
    if (json.view) expectWithinSlackLimits(json.view, "modal");
    return { ...json, text: JSON.stringify(json.view?.blocks ?? []) };
  }

  const playsOf = async (accountId: string) =>
    (await prisma().play.findMany({ where: { accountId }, orderBy: { kind: "asc" } })).map((p) => [
      p.kind,
      p.status,
    ]);

  it("the card of a renewal due in 24 days opens Record renewal with the ARR and the next renewal proposed; each outcome picked says what recording it does", async () => {
    const { contract } = await cardOf("acme corporation");
    expect(contract).toEqual(["renewal_outcome_open", "churn_open"]);
    const { view, responseId, shown } = await openFromCard("renewal_outcome_open", ids.acme as string);
    expect(view.callback_id).toBe("renewal_outcome_save");
    expect(JSON.parse(view.private_metadata ?? "")).toEqual({
      a: ids.acme,
      d: "2026-12-31",
      r: running.slack.responseUrl(responseId),
    });
    const blocks = JSON.stringify(view.blocks);
    expect(blocks).toContain("*Acme Corporation* · renewal on 2026-12-31 (in 24 days) · ARR $50,000");
    expect(blocks).toContain('"initial_value":"$50,000"');
    expect(blocks).toContain('"initial_date":"2027-12-31"');
    expect(blocks).toContain(
      "The renewal date moves to the date below, a new term starts on 2026-12-31, and its open renewal play closes.",
    );
    expect(blocks).toContain("Above $50,000 is recorded as an upsell (expansion), below it as a downsell");
    expect(blocks).not.toContain("churn_reason");

    const churn = await pick("churned", view, shown);
    expect([churn.callback_id, churn.private_metadata, churn.submit?.text]).toEqual([
      "renewal_outcome_save",
      view.private_metadata,
      "Record churn",
    ]);
    const churnBlocks = JSON.stringify(churn.blocks);
    expect(churnBlocks).toContain(
      "The $50,000 ARR is recorded as churn on 2026-12-31, the account is marked churned, and its 2 open plays close.",
    );
    expect(churnBlocks).toContain('"block_id":"churn_reason"');
    expect(churnBlocks).not.toContain("outcome_arr");
    const back = await pick("renewed", churn, shown);
    expect(JSON.stringify(back.blocks)).toContain('"initial_date":"2027-12-31"');
  });

  it("sends each bad field back with what to fix, and writes nothing", async () => {
    const { view } = await openFromCard("renewal_outcome_open", ids.acme as string);
    expect((await submit(view, renewed("fifty thousand", "2026-12-01"))).errors).toEqual({
      outcome_arr: '"fifty thousand" is not an amount: write the new ARR in dollars, like 60,000.',
      outcome_renewal_date: "Pick a date after the renewal being recorded, 2026-12-31.",
    });
    expect((await submit(view, renewed("0", null))).errors).toEqual({
      outcome_arr: "A renewal needs a new ARR above $0: if the customer left, pick Churned.",
      outcome_renewal_date: "Pick the next renewal date.",
    });
    expect((await submit(view, renewed(" ", "2027-12-31"))).errors).toEqual({
      outcome_arr: "Write the new ARR in dollars, like 60,000.",
    });
    expect((await submit(view, churned("  ", null))).errors).toEqual({
      churn_reason: "Say why the customer churned: churn reasons are reported.",
      churn_kind: "Say whether the customer chose to leave (voluntary) or not (involuntary).",
    });
    const overdue = await openFromCard("renewal_outcome_open", ids.globex as string);
    expect((await submit(overdue.view, renewed("80000", "2026-12-05"))).errors).toEqual({
      outcome_renewal_date: "Pick a date after today: the next renewal cannot be over already.",
    });
    expect(await prisma().renewalOutcome.count()).toBe(0);
    expect(await prisma().arrMovement.count()).toBe(0);
  });

  it("refuses a colleague and a viewer, on the button and on a submitted form, and writes nothing", async () => {
    running.slack.reset();
    const refusal = await clickAs(running, "UTOM00001", {
      actionId: "renewal_outcome_open",
      value: ids.acme as string,
      blockId: "account_contract",
    });
    expect(refusal).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(refusal.text).toBe(
      "Only Maria Lopez (<@UMARIA001>), their manager or an admin can record this account's renewal or churn.",
    );
    const viewer = await clickAs(running, "UVIC00001", {
      actionId: "churn_open",
      value: ids.acme as string,
      blockId: "account_contract",
    });
    expect(viewer.text).toContain("your role is viewer");
    expect(running.slack.callsTo("views.open")).toHaveLength(0);

    const { view } = await openFromCard("renewal_outcome_open", ids.acme as string);
    const byTom = await submit(view, renewed("$50,000", "2027-12-31"), { userId: tom.slackUserId });
    expect(byTom).toMatchObject({ response_action: "update" });
    expect(byTom.view?.title.text).toBe("Not recorded");
    expect(byTom.text).toContain("Only Maria Lopez (<@UMARIA001>), their manager or an admin");
    const byVic = await submit(view, renewed("$50,000", "2027-12-31"), { userId: vic.slackUserId });
    expect(byVic.text).toContain("your role is viewer");
    expect(await prisma().renewalOutcome.count()).toBe(0);
    expect(await prisma().account.findUniqueOrThrow({ where: { id: ids.acme as string } })).toMatchObject({
      renewalDate: day("2026-12-31"),
    });
  });

  it("renewed at the same ARR: the date and term roll forward, the renewal play closes, the card is drawn again, and a second submission records nothing", async () => {
    const { view, responseId } = await openFromCard("renewal_outcome_open", ids.acme as string);
    const first = await submit(view, renewed("$50,000", "2027-12-31"), { viewId: "VOUTCOME01" });
    expect(first.response_action).toBe("update");
    expect(first.view?.title.text).toBe("Renewal recorded");
    expect(first.text).toContain(":white_check_mark: *Acme Corporation* renewed at $50,000 ARR, unchanged.");
    expect(first.text).toContain("The next renewal is on 2027-12-31; the new term started on 2026-12-31.");
    expect(first.text).toContain("1 open renewal play closed.");
    const redrawn = (await running.slack.waitForResponse((r) => r.id === responseId)).body as Message;
    expect(redrawn.replace_original).toBe(true);
    expect(textOf(redrawn)).toContain("2027-12-31");
    expect(textOf(redrawn)).not.toContain("renewal_outcome_open");

    const again = await submit(view, renewed("$50,000", "2027-12-31"), { viewId: "VOUTCOME01" });
    expect(again.view?.title.text).toBe("Already recorded");
    expect(again.text).toContain(
      "Already recorded: the renewal of *Acme Corporation* on 2026-12-31: renewed at $50,000 ARR, unchanged. Nothing was recorded twice.",
    );
    const account = await prisma().account.findUniqueOrThrow({ where: { id: ids.acme as string } });
    expect([account.arr?.toFixed(2), account.renewalDate, account.termStart]).toEqual([
      "50000.00",
      day("2027-12-31"),
      day("2026-12-31"),
    ]);
    expect(await ledgerOf(prisma(), ids.acme as string)).toEqual([]);
    expect(await playsOf(ids.acme as string)).toEqual([
      ["renewal_commit", "closed"],
      ["save", "open"],
    ]);
    expect(await prisma().renewalOutcome.findMany({ where: { accountId: ids.acme as string } })).toEqual([
      expect.objectContaining({ result: "renewed", renewalDate: day("2026-12-31"), recordedById: maria.id }),
    ]);
    expect(await prisma().auditLog.count({ where: { action: "account.renewal_outcome" } })).toBe(1);
  });

  it("an upsell on a renewal past due, recorded by the manager from the reminder, which stays as it was sent", async () => {
    const reminder = renewalReminderMessage(
      {
        step: "record_outcome",
        playKind: "renewal_outcome",
        account: { id: ids.globex as string, name: "Globex", arr: "80000.00" },
        renewalDate: day("2026-11-30"),
        doneBy: day("2026-12-07"),
        daysToRenewal: -7,
        reason: "The renewal date 2026-11-30 has come: record the outcome",
        commit: null,
        ownerSlackId: maria.slackUserId,
        managerSlackId: ines.slackUserId,
      },
      { kind: "owner" },
    );
    const button = textOf(reminder as Message).includes('"action_id":"renewal_outcome_open"');
    expect(button).toBe(true);
    running.slack.reset();
    const click = await running.requests.blockAction({
      userId: ines.slackUserId,
      actionId: "renewal_outcome_open",
      value: ids.globex as string,
      blockId: "renewal_actions",
      channelId: "C0RENEW01",
      message: reminder as { text: string; blocks: unknown[] },
    });
    const view = (await running.slack.waitFor("views.open")).args.view as ModalView;
    expect(JSON.parse(view.private_metadata ?? "")).toEqual({ a: ids.globex, d: "2026-11-30" });
    expect(JSON.stringify(view.blocks)).toContain("renewal on 2026-11-30 (7 days ago)");
    const recorded = await submit(view, renewed("92,500.50", "2027-11-30"), { userId: ines.slackUserId });
    expect(recorded.text).toContain(
      "*Globex* renewed with an upsell: $80,000 → $92,500.50 ARR, an expansion of $12,500.50.",
    );
    expect(await ledgerOf(prisma(), ids.globex as string)).toEqual([
      ["2026-11-30", "expansion", null, "12500.50", "92500.50", "manual", "renewal"],
    ]);
    expect(running.slack.responses.filter((r) => r.id === click.responseId)).toEqual([]);
  });

  it("a downsell, recorded by an admin: a contraction", async () => {
    const { view } = await openFromCard("renewal_outcome_open", ids.initech as string, ada.slackUserId);
    const recorded = await submit(view, renewed("$25,000", "2027-12-20"), { userId: ada.slackUserId });
    expect(recorded.text).toContain(
      "*Initech* renewed with a downsell: $30,000 → $25,000 ARR, a contraction of $5,000.",
    );
    expect(await ledgerOf(prisma(), ids.initech as string)).toEqual([
      ["2026-12-20", "contraction", null, "5000.00", "25000.00", "manual", "renewal"],
    ]);
    expect(
      (await prisma().renewalOutcome.findFirstOrThrow({ where: { accountId: ids.initech } })).result,
    ).toBe("downsold");
  });

  it("a renewal that ended in churn: the whole ARR churns on the renewal date, every play closes, and the card says so", async () => {
    const { view, shown } = await openFromCard("renewal_outcome_open", ids.hooli as string);
    const churn = await pick("churned", view, shown);
    const recorded = await submit(churn, churned("Budget cut after the merger", "voluntary"));
    expect(recorded.view?.title.text).toBe("Churn recorded");
    expect(recorded.text).toContain(
      ":white_check_mark: *Hooli* churned (voluntary): Budget cut after the merger",
    );
    expect(recorded.text).toContain(
      "$42,000 ARR recorded as churn on 2026-12-15; the account is marked churned.",
    );
    expect(recorded.text).toContain("2 open plays closed.");
    expect(await ledgerOf(prisma(), ids.hooli as string)).toEqual([
      ["2026-12-15", "churn", "voluntary", "42000.00", "0.00", "manual", "Budget cut after the merger"],
    ]);
    const account = await prisma().account.findUniqueOrThrow({ where: { id: ids.hooli as string } });
    expect([account.arr?.toFixed(2), account.churnedAt]).toEqual(["0.00", day("2026-12-15")]);
    expect(await playsOf(ids.hooli as string)).toEqual([
      ["renewal_commit", "closed"],
      ["save", "closed"],
    ]);
    const { card, contract } = await cardOf("hooli");
    expect(contract).toEqual([]);
    expect(textOf(card)).toContain("Churned on 2026-12-15");
    const late = await clickAs(running, maria.slackUserId, {
      actionId: "renewal_outcome_open",
      value: ids.hooli as string,
    });
    expect(late.text).toBe("This account churned on 2026-12-15: there is nothing more to record.");
  });

  it("a churn mid-term from the card: refused as a renewal before T-90, recorded today as a churn, once", async () => {
    const { contract } = await cardOf("umbrella");
    expect(contract).toEqual(["churn_open"]);
    const early = await clickAs(running, maria.slackUserId, {
      actionId: "renewal_outcome_open",
      value: ids.umbrella as string,
    });
    expect(early.text).toBe(
      "This account renews on 2027-09-01, in 268 days: its outcome is recorded from 2027-06-03 (T-90) on. A customer leaving now is recorded with Record churn.",
    );
    const { view, responseId } = await openFromCard("churn_open", ids.umbrella as string);
    expect(view.callback_id).toBe("churn_save");
    expect(JSON.stringify(view.blocks)).toContain(
      "For a customer leaving mid-term: the $12,000 ARR is recorded as churn today (2026-12-07), the account is marked churned, and its 2 open plays close.",
    );
    expect((await submit(view, churnFields("", "involuntary"))).errors).toEqual({
      churn_reason: "Say why the customer churned: churn reasons are reported.",
    });
    const values = churnFields("Payment failed three times", "involuntary");
    const recorded = await submit(view, values, { viewId: "VCHURN0001" });
    expect(recorded.text).toContain("*Umbrella* churned (involuntary): Payment failed three times");
    expect(recorded.text).toContain("$12,000 ARR recorded as churn on 2026-12-07");
    const redrawn = (await running.slack.waitForResponse((r) => r.id === responseId)).body as Message;
    expect(textOf(redrawn)).toContain("Churned on 2026-12-07");
    const again = await submit(view, values, { viewId: "VCHURN0001" });
    expect(again.text).toContain(
      "Already recorded: *Umbrella* churned on 2026-12-07. Nothing was recorded twice.",
    );
    expect(await ledgerOf(prisma(), ids.umbrella as string)).toEqual([
      ["2026-12-07", "churn", "involuntary", "12000.00", "0.00", "manual", "Payment failed three times"],
    ]);
    expect(await playsOf(ids.umbrella as string)).toEqual([
      ["renewal_commit", "closed"],
      ["save", "closed"],
    ]);
    expect(
      await prisma().auditLog.count({ where: { action: "account.churn", entityId: ids.umbrella } }),
    ).toBe(1);
  });
});
