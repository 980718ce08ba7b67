// /portfolio over the metrics fixture book: a CSM's book with its trailing-twelve-month NRR and GRR
// (the same figures `csm metrics` prints for the same period and people), bands, renewals and late
// plays; a manager's team one line per CSM; one CSM's book by mention; clear answers to bad asks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import type { MessagePayload } from "../../src/slack/views/blocks.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { type CliSandbox, cliSandbox } from "../helpers/cli.ts";
import { testEngine } from "../helpers/database.ts";
import { aHealthScore, anAccount, aPlay, aUser } from "../helpers/factories.ts";
import { accountsCsv, ledgerCsv, people } from "../helpers/metrics-book.ts";
import { type RunningApp, startRunningApp } from "../helpers/running-app.ts";

// Trailing twelve months: from the end of 2025-06-30 to the end of 2026-06-30.
const now = new Date("2026-06-30T15:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe(`/portfolio on ${testEngine}`, () => {
  let cli: CliSandbox;
  let db: Database;
  let running: RunningApp;
  const metrics = async (...scope: string[]) => {
    const run = await cli.run("metrics", "--from", "2025-06-30", "--to", "2026-06-30", ...scope, "--json");
    expect(run.stderr).toBe("");
    return JSON.parse(run.stdout) as { nrr: number | null; grr: number | null };
  };
  const portfolio = async (text: string, userId: string) => {
    const reply = await running.requests.command("/portfolio", text, { userId });
    const message = reply.json as MessagePayload;
    expectWithinSlackLimits(message, "message");
    return JSON.stringify(message.blocks);
  };

  beforeAll(async () => {
    cli = await cliSandbox();
    expect((await cli.run("import", "accounts", cli.file("accounts.csv", accountsCsv))).code).toBe(0);
    expect((await cli.run("import", "arr", cli.file("ledger.csv", ledgerCsv))).code).toBe(0);
    const { openDatabase } = await import("../../src/db/client.ts");
    db = await openDatabase(
      cli.env.DATABASE_URL
        ? { kind: "postgres", url: cli.env.DATABASE_URL }
        : { kind: "pglite", dataDir: cli.env.DATA_DIR as string },
    );
    const mia = await aUser(db.prisma, { slackUserId: people.mia, name: "Mia", role: "manager" });
    await db.prisma.user.updateMany({
      where: { slackUserId: { in: [people.ana, people.ben] } },
      data: { managerId: mia.id },
    });
    const ana = await db.prisma.user.findUniqueOrThrow({ where: { slackUserId: people.ana } });
    const id = async (externalId: string) =>
      (await db.prisma.account.findUniqueOrThrow({ where: { externalId } })).id;
    await aHealthScore(db.prisma, await id("M-1"), { date: day("2026-06-29"), band: "red" });
    await aHealthScore(db.prisma, await id("M-2"), { date: day("2026-06-29"), band: "yellow", score: 55 });
    await aHealthScore(db.prisma, await id("M-6"), { date: day("2026-06-29"), band: "green", score: 80 });
    const soon = await anAccount(db.prisma, {
      name: "Soon Renewing",
      ownerId: ana.id,
      arr: "30000",
      renewalDate: day("2026-07-30"),
      renewalCommit: "at_risk",
    });
    await aPlay(db.prisma, soon.id, { ownerId: ana.id, kind: "save", dueAt: day("2026-06-20") });
    await aPlay(db.prisma, soon.id, { ownerId: ana.id, kind: "renewal_t90", dueAt: day("2026-07-20") });
    running = await startRunningApp({ database: db, now });
  });
  afterAll(async () => {
    await running?.stop();
    await db?.close();
    await cli?.destroy();
  });

  it("shows a CSM their book with the NRR and GRR `csm metrics` gives for the trailing twelve months", async () => {
    const expected = await metrics("--user", people.ana);
    expect(expected.nrr).not.toBeNull();
    const blocks = await portfolio("", people.ana);
    expect(blocks).toContain("*Your book*");
    // M-1 120,000.02 + M-2 40,000 + M-5 10,000 + M-6 25,000 + M-8 70,000 + Soon Renewing 30,000.
    expect(blocks).toContain("*6 accounts* · *$295K* ARR");
    expect(blocks).toContain(`*NRR* ${expected.nrr?.toFixed(1)}%`);
    expect(blocks).toContain(`*GRR* ${expected.grr?.toFixed(1)}%`);
    expect(blocks).toContain("Trailing 12 months, 2025-06-30 to 2026-06-30");
    expect(blocks).toContain("🔴 red *1* · $120K");
    expect(blocks).toContain("🟡 yellow *1* · $40K");
    expect(blocks).toContain("🟢 green *1* · $25K");
    expect(blocks).toContain("⚪ not enough data *3* · $110K");
    expect(blocks).toContain("*Renewals in the next 90 days* · 1 · $30K");
    expect(blocks).toContain("*Soon Renewing* · $30K · in 30 days · commit: at risk");
    expect(blocks).toContain("*Renewals past due, no outcome recorded* · 1 · $10K");
    expect(blocks).toContain("*Boundary Bros* · $10K · 46 days past due");
    expect(blocks).toContain("*Plays overdue*: 1");
  });

  it("shows the same figures on the CSM's App Home", async () => {
    const expected = await metrics("--user", people.ana);
    await running.requests.event({ type: "app_home_opened", user: people.ana, tab: "home" });
    const home = () =>
      running.slack.callsTo("views.publish").filter((call) => call.args.user_id === people.ana);
    await expect.poll(() => home().length).toBeGreaterThan(0);
    const view = home().at(-1)?.args.view as { blocks: unknown[] };
    expectWithinSlackLimits(view, "home");
    const blocks = JSON.stringify(view.blocks);
    expect(blocks).toContain("*6 accounts* · *$295K* ARR");
    expect(blocks).toContain(`*NRR* ${expected.nrr?.toFixed(1)}%`);
    expect(blocks).toContain(`*GRR* ${expected.grr?.toFixed(1)}%`);
  });

  it("works out a book whose whole cohort churned as 0%, and leaves unknown ARR out, saying so", async () => {
    // Ben's cohort: M-3 (40,000 at the start, churned 2026-04-30) and M-4 (10,000.50, churned on
    // 2026-06-30, the period's last day, which belongs to it). Starting ARR 50,000.50; expansion 0;
    // contraction 0; churn 50,000.50. NRR = GRR = (50,000.50 - 50,000.50) / 50,000.50 = 0.0%.
    // M-7 is new inside the period, M-10's ledger starts after it, M-9's ARR is unknown.
    expect(await metrics("--user", people.ben)).toMatchObject({ nrr: 0, grr: 0 });
    const blocks = await portfolio(`<@${people.ben}|ben>`, people.ana);
    expect(blocks).toContain(`<@${people.ben}>'s book`);
    expect(blocks).toContain("*3 accounts* · *$17K* ARR (1 account with unknown ARR, left out)");
    expect(blocks).toContain("*NRR* 0.0% · concerning");
    expect(blocks).toContain("*GRR* 0.0% · concerning");
    expect(blocks).toContain("*Mystery Holdings* · ARR unknown · 29 days past due");
  });

  it("gives a manager their team, the team's figures first and one line per CSM", async () => {
    const team = await metrics("--team", people.mia);
    const ana = await metrics("--user", people.ana);
    const blocks = await portfolio("", people.mia);
    expect(blocks).toContain("*Your team*: 2 books");
    expect(blocks).toContain(`*NRR* ${team.nrr?.toFixed(1)}%`);
    expect(blocks).toContain("*9 accounts* · *$312K* ARR");
    expect(blocks).toContain(
      `• <@${people.ana}>: 6 accounts, $295K · NRR ${ana.nrr?.toFixed(1)}% · GRR ${ana.grr?.toFixed(1)}% · 🔴 1 ($120K) · 1 renewing in 90 days ($30K) · 1 past due · 1 play overdue`,
    );
    expect(blocks).toContain(`• <@${people.ben}>: 3 accounts, $17K · NRR 0.0% · GRR 0.0%`);
    expect(blocks).not.toContain(`<@${people.mia}>:`);
  });

  it("draws the team's chart and sends it to the manager's direct message, not the channel", async () => {
    running.slack.addUser({ id: people.mia, realName: "Mia" });
    const sent = await running.requests.command("/portfolio", "chart", {
      userId: people.mia,
      channelId: "C0SALES01",
    });
    // The answer comes in the acknowledgement, or through the response_url when drawing takes longer.
    const answer = JSON.stringify(
      sent.body
        ? sent.json
        : (await running.slack.waitForResponse((r) => r.id === sent.responseId, 10_000)).body,
    );
    expect(answer).toContain("The chart is in our direct message");
    const [file, ...others] = running.slack.files.shared();
    expect(others).toEqual([]);
    expect(file).toMatchObject({ filename: "portfolio-chart.png" });
    expect(file?.channelId).toMatch(/^D/);
    expect(file?.title).toContain("Your team: NRR and GRR, trailing 12 months, and ARR by band, 2026-06-30");
    expect(file?.bytes?.subarray(1, 4).toString("ascii")).toBe("PNG");
  });

  it("answers a wrong ask with what to type, and names someone who has no book", async () => {
    const reply = async (text: string) =>
      JSON.stringify((await running.requests.command("/portfolio", text, { userId: people.ana })).json);
    expect(await reply("@ben")).toContain("Pick @ben from Slack's list as you type");
    expect(await reply("everything")).toContain('I don\'t know \\"everything\\" here');
    expect(await reply("<@UNOBODY01|nobody>")).toContain("<@UNOBODY01> is not a CSM on the team");
  });
});
