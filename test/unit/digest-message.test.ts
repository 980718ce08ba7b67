import { describe, expect, it } from "vitest";
import { composeDigest, type DigestAccount, type DigestPlay } from "../../src/domain/digest/content.ts";
import { accountEntries } from "../../src/domain/plays/account-groups.ts";
import { digestMessage } from "../../src/slack/views/digest.ts";
import type { PlayItem } from "../../src/slack/views/play-blocks.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";

const today = new Date("2026-12-07T00:00:00Z");
const now = new Date("2026-12-07T08:30:00Z");
const daysFromToday = (n: number) => new Date(today.getTime() + n * 86_400_000);

function anAccount(name: string, overrides: Partial<DigestAccount> = {}): DigestAccount {
  return {
    id: name.toLowerCase().replace(/\W+/g, "-"),
    name,
    arr: "50000.00",
    renewalDate: daysFromToday(200),
    stage: "expansion",
    renewalCommit: null,
    health: { band: "green", score: 82, reasons: [], subScores: { adoption: 85, sponsor: 90 } },
    before: { band: "green", score: 84, reasons: [], subScores: { adoption: 86, sponsor: 90 } },
    lastTouchAt: daysFromToday(-3),
    ...overrides,
  };
}

const red = (name: string, overrides: Partial<DigestAccount> = {}) =>
  anAccount(name, {
    health: {
      band: "red",
      score: 31,
      reasons: ["sponsor dark for 52 days", "adoption 31% of plan features (below 40%)"],
      subScores: { adoption: 24, sponsor: 20 },
    },
    before: { band: "yellow", score: 55, reasons: [], subScores: { adoption: 62, sponsor: 45 } },
    ...overrides,
  });

function aPlay(account: DigestAccount, kind: string, dueAt = daysFromToday(1)): DigestPlay & PlayItem {
  return {
    id: `${account.id}-${kind}`,
    kind,
    reason: `${kind} fired`,
    status: "open",
    dueAt,
    snoozedUntil: null,
    ownerSlackId: "UMARIA001",
    claimedBySlackId: null,
    arrAtRisk: account.arr,
    account: { id: account.id, name: account.name },
  };
}

function message(accounts: DigestAccount[], plays: (DigestPlay & PlayItem)[] = []) {
  const sections = composeDigest(accounts, plays, today, now);
  const playsByAccount = new Map(
    sections.atRisk.map((a) => [
      a.id,
      accountEntries(
        plays.filter((p) => p.account.id === a.id),
        now,
      ),
    ]),
  );
  return digestMessage({ ownerSlackId: "UMARIA001", localDate: today, now, sections, playsByAccount });
}

const textOf = (payload: unknown) => JSON.stringify(payload);

describe("the morning digest", () => {
  it("is one line on a quiet day", () => {
    const quiet = message([anAccount("Acme"), anAccount("Globex")]);
    expect(quiet.blocks).toHaveLength(1);
    expect(quiet.text).toBe("Nothing needs you today: 2 accounts, all green or in hand.");
  });

  it("leads with what moved, with the sub-scores that moved it, then red accounts with their plays and buttons", () => {
    const acme = red("Acme");
    const payload = message(
      [acme, anAccount("Globex")],
      [aPlay(acme, "save"), aPlay(acme, "sponsor_reengage")],
    );
    expectWithinSlackLimits(payload, "message");
    const text = textOf(payload);
    expect(text).toContain("*Moved since your last digest*");
    expect(text).toContain("*Acme* yellow → red: adoption 62 → 24, sponsor 45 → 20");
    expect(text).toContain("sponsor dark for 52 days");
    expect(text).toContain('"action_id":"play_claim_0"');
    expect(text).toContain('\\"s\\":\\"digest\\"');
    expect(text.indexOf("Moved since")).toBeLessThan(text.indexOf("Red and yellow"));
  });

  it("lists renewals inside 90 days with their commit, passed renewals, overdue plays, dark sponsors, quiet onboarding and stale data", () => {
    const soon = anAccount("Soon Corp", { renewalDate: daysFromToday(23), renewalCommit: "committed" });
    const passed = anAccount("Lapsed Ltd", { renewalDate: daysFromToday(-4) });
    const late = red("Late Inc", { before: null });
    const dark = anAccount("Dark LLC", {
      health: { band: "green", score: 71, reasons: ["sponsor dark for 50 days"], subScores: { sponsor: 30 } },
    });
    const onboarding = anAccount("New Co", { stage: "onboarding", lastTouchAt: daysFromToday(-9) });
    const stale = anAccount("Quiet AG", {
      health: { band: "unknown", score: 60, reasons: ["no usage data for 9 days"], subScores: {} },
    });
    const text = textOf(
      message([soon, passed, late, dark, onboarding, stale], [aPlay(late, "save", daysFromToday(-2))]),
    );
    expect(text).toContain("*Soon Corp* · 23 days · $50K · commit: committed ✅");
    expect(text).toContain("*Lapsed Ltd* · 4 days ago · record the outcome");
    expect(text).toContain("Save play · *Late Inc* · due 2 days ago");
    expect(text).toContain("*Dark LLC* · sponsor dark for 50 days");
    expect(text).toContain("*New Co* · last touch 9 days ago");
    expect(text).toContain("*Quiet AG* · no usage data for 9 days");
  });

  it("lists stakeholder-map gaps that need the CSM: a key contact who left, a champion gone quiet, no economic buyer", () => {
    const person = (name: string, role: "champion" | "economic_buyer" | "executive_sponsor", extra = {}) => ({
      id: name,
      name,
      role,
      otherRoles: [],
      lastContactOn: daysFromToday(-5),
      leftOn: null,
      ...extra,
    });
    const left = anAccount("Left Co", {
      people: [
        person("Ann Buyer", "economic_buyer"),
        person("Lee Park", "champion", { leftOn: daysFromToday(-2) }),
      ],
    });
    const quiet = anAccount("Quiet Champ", {
      people: [
        person("Bo Buyer", "economic_buyer"),
        person("Cy Champ", "champion", { lastContactOn: daysFromToday(-60) }),
        // A quiet sponsor is the dark-sponsors line's, not this one's.
        person("Sy Sponsor", "executive_sponsor", { lastContactOn: daysFromToday(-60) }),
      ],
    });
    const noBuyer = anAccount("No Buyer", { people: [person("Di Champ", "champion")] });
    const unmapped = anAccount("Unmapped", { people: [] });
    const text = textOf(message([left, quiet, noBuyer, unmapped]));
    expect(text).toContain("*Stakeholder maps*");
    expect(text).toContain("*Left Co* · Lee Park (champion) left");
    expect(text).toContain("*Quiet Champ* · Cy Champ (champion) quiet 60 days");
    expect(text).not.toContain("Sy Sponsor");
    expect(text).toContain("*No Buyer* · no economic buyer");
    // An account with nobody mapped is the card's and the map's warning, not every morning's.
    expect(text).not.toContain("*Unmapped*");
    expect(textOf(message([unmapped]))).toContain("Nothing needs you today");
  });

  it("stays inside Block Kit's limits for a book of 400 accounts, ranks and summarises, and points to the rest", () => {
    const book = Array.from({ length: 400 }, (_, i) =>
      i % 2
        ? red(`Account ${i} ${"with a long name ".repeat(3)}`)
        : anAccount(`Renewing ${i}`, { renewalDate: daysFromToday(i % 90) }),
    );
    const plays = book
      .filter((a) => a.health?.band === "red")
      .flatMap((a) => [aPlay(a, "save"), aPlay(a, "billing_check", daysFromToday(-1))]);
    const payload = message(book, plays);
    expectWithinSlackLimits(payload, "message");
    const text = textOf(payload);
    expect(text).toContain("Also red or yellow:");
    expect(text).toMatch(/\+\d+ more/);
    expect(text).toContain("`/plays`");
    expect(payload.blocks.length).toBeLessThanOrEqual(50);
  });
});
