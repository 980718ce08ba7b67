// The App Home as a CSM's dashboard: the headline numbers, the accounts that need attention first with
// their health trend, renewals past due and coming up, the person's plays with buttons that work from the
// Home; a manager's team with a menu to each CSM's book; open Homes drawn again after a change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HomeView } from "../../src/slack/views/blocks.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { testEngine } from "../helpers/database.ts";
import { aHealthScore, anAccount, aPlay, aUser } from "../helpers/factories.ts";
import { type RunningApp, startRunningApp } from "../helpers/running-app.ts";

const now = new Date("2026-12-07T15:00:00Z");
const day = (offset: number) => new Date(Date.UTC(2026, 11, 7 + offset));

describe(`the App Home dashboard on ${testEngine}`, () => {
  let running: RunningApp;
  let playId: string;

  const homesOf = (userId: string) =>
    running.slack.callsTo("views.publish").filter((call) => call.args.user_id === userId);
  async function nextHome(userId: string, act: () => Promise<unknown>): Promise<string> {
    const before = homesOf(userId).length;
    await act();
    await expect.poll(() => homesOf(userId).length, { timeout: 5000 }).toBeGreaterThan(before);
    const view = homesOf(userId).at(-1)?.args.view as HomeView;
    expectWithinSlackLimits(view, "home");
    return JSON.stringify(view.blocks);
  }
  const open = (userId: string) =>
    nextHome(userId, () => running.requests.event({ type: "app_home_opened", user: userId, tab: "home" }));
  const click = (userId: string, actionId: string, extra: { value?: string; selectedOption?: string }) =>
    running.requests.blockAction({ userId, actionId, ...extra, view: { id: "VHOME0001", type: "home" } });

  beforeAll(async () => {
    running = await startRunningApp({ now });
    const prisma = running.db.prisma;
    const nina = await aUser(prisma, { slackUserId: "UNINA0001", name: "Nina", role: "manager" });
    const maria = await aUser(prisma, { slackUserId: "UMARIA001", name: "Maria", managerId: nina.id });
    const omar = await aUser(prisma, { slackUserId: "UOMAR0001", name: "Omar", managerId: nina.id });
    const acme = await anAccount(prisma, {
      name: "Acme",
      ownerId: maria.id,
      arr: "120000",
      renewalDate: day(20),
      renewalCommit: "at_risk",
    });
    for (const [offset, score, band] of [
      [-21, 80, "green"],
      [-14, 61, "yellow"],
      [-1, 34, "red"],
    ] as const)
      await aHealthScore(prisma, acme.id, { date: day(offset), score, band });
    const beta = await anAccount(prisma, {
      name: "Beta",
      ownerId: maria.id,
      arr: "30000",
      renewalDate: day(-5),
    });
    await aHealthScore(prisma, beta.id, { date: day(-1), score: 90, band: "green" });
    const gamma = await anAccount(prisma, {
      name: "Gamma",
      ownerId: maria.id,
      arr: "5000",
      renewalDate: day(200),
    });
    await aHealthScore(prisma, gamma.id, { date: day(-1), score: 95, band: "green" });
    await anAccount(prisma, { name: "Delta", ownerId: omar.id, arr: "8000", renewalDate: day(200) });
    playId = (await aPlay(prisma, acme.id, { ownerId: maria.id, dueAt: day(-2) })).id;
  });
  afterAll(async () => running?.stop());

  it("shows a CSM their numbers, what needs them first with its trend, renewals and their plays", async () => {
    const home = await open("UMARIA001");
    expect(home).toContain("Your book");
    expect(home).toContain("*3 accounts* · *$155K* ARR");
    expect(home).toContain("*NRR* n/a");
    expect(home).toContain("🔴 red *1* · $120K");
    // Beta's renewal is past due with no outcome: first, though green. Acme: red, a late play, no commit.
    const beta = home.indexOf("*Beta* · $30K · `");
    const acme = home.indexOf("*Acme* · $120K · `");
    expect(beta).toBeGreaterThan(-1);
    expect(acme).toBeGreaterThan(beta);
    expect(home).toContain("· renewal 5 days past due");
    // The latest score at each of the last 8 week ends: none for four, then 80, 61, 61 and 34.
    expect(home).toContain("`····▇▅▅▃` · red, 1 play overdue, renews in 20 days, at risk");
    expect(home).not.toContain("*Gamma*");
    expect(home).toContain("*Renewals*: 1 past due, 1 in the next 90 days");
    expect(home).toContain("*Beta* · $30K · 5 days past due");
    expect(home).toMatch(/"action_id":"renewal_outcome_open_0","value":"[^"]+"/);
    expect(home).toContain("*Your open plays* on 1 accounts");
    expect(home).toContain(`\\"p\\":\\"${playId}\\",\\"s\\":\\"home\\"`);
    expect(home).toContain("Digest settings");
  });

  it("claims a play from the Home and draws the Home again, saying so", async () => {
    const home = await nextHome("UMARIA001", () =>
      click("UMARIA001", "play_claim_0", { value: JSON.stringify({ p: playId, s: "home" }) }),
    );
    expect(home).toContain(":white_check_mark: Done: ");
    expect(home).toContain("Claimed by <@UMARIA001>");
    const play = await running.db.prisma.play.findUniqueOrThrow({ where: { id: playId } });
    expect(play.status).toBe("claimed");
  });

  it("answers an outdated button on the Home on the Home itself", async () => {
    const home = await nextHome("UMARIA001", () => click("UMARIA001", "play_claim_0", { value: "{}" }));
    expect(home).toContain("That button is out of date");
  });

  it("records a renewal from the Home, and the open Home shows the next one", async () => {
    const beta = await running.db.prisma.account.findFirstOrThrow({ where: { name: "Beta" } });
    await click("UMARIA001", "renewal_outcome_open_0", { value: beta.id });
    const opened = await running.slack.waitFor("views.open");
    const view = opened.args.view as { callback_id: string; private_metadata: string };
    const home = await nextHome("UMARIA001", () =>
      running.requests.viewSubmission({
        userId: "UMARIA001",
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        values: {
          outcome_result: {
            outcome_result: { type: "radio_buttons", selected_option: { value: "renewed" } },
          },
          outcome_arr: { outcome_arr: { type: "plain_text_input", value: "30000" } },
          outcome_renewal_date: { outcome_renewal_date: { type: "datepicker", selected_date: "2027-12-02" } },
        },
      }),
    );
    expect(home).toContain("*Renewals*: 0 past due, 1 in the next 90 days");
    expect(home).not.toContain("renewal 5 days past due");
  });

  it("gives a manager the team, one line per CSM, and a menu to each CSM's book", async () => {
    const team = await open("UNINA0001");
    expect(team).toContain("Your team");
    expect(team).toContain("*4 accounts* · *$163K* ARR");
    expect(team).toContain("• <@UMARIA001>: 3 accounts, $155K");
    expect(team).toContain("• <@UOMAR0001>: 1 account, $8K");
    expect(team).toContain("*Acme* · $120K · <@UMARIA001>");
    expect(team).toContain('"action_id":"home_show"');
    expect(team).not.toContain("Your open plays");

    const maria = await nextHome("UNINA0001", () =>
      click("UNINA0001", "home_show", { selectedOption: "UMARIA001" }),
    );
    expect(maria).toContain("A CSM's book");
    expect(maria).toContain("*3 accounts* · *$155K* ARR");
    expect(maria).not.toContain("Delta");
    // The choice stays when the tab opens again.
    expect(await open("UNINA0001")).toContain("A CSM's book");
    // A CSM outside the team is not a choice: the team view comes back.
    const outside = await nextHome("UNINA0001", () =>
      click("UNINA0001", "home_show", { selectedOption: "UNOBODY01" }),
    );
    expect(outside).toContain("Your team");
  });

  it("draws an open Home again after a change made from Slack", async () => {
    await open("UNINA0001");
    const redrawn = await nextHome("UNINA0001", () =>
      click("UMARIA001", "play_snooze_0", { selectedOption: JSON.stringify({ p: playId, s: "home", d: 3 }) }),
    );
    expect(redrawn).toContain("Your team");
    const play = await running.db.prisma.play.findUniqueOrThrow({ where: { id: playId } });
    expect(play.status).toBe("snoozed");
  });
});
