import { describe, expect, it } from "vitest";
import { accountEntries, groupPlaysByAccount } from "../../src/domain/plays/account-groups.ts";

const now = new Date("2026-06-10T09:00:00Z");
const hoursFromNow = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

function aPlay(account: string, kind: string, dueInHours = 24, arrAtRisk = "50000.00") {
  return {
    id: `${account}:${kind}`,
    kind,
    dueAt: hoursFromNow(dueInHours),
    arrAtRisk,
    account: { id: account },
  };
}
const ids = (plays: { id: string }[]) => plays.map((play) => play.id);

describe("plays grouped by account", () => {
  it("gives each account one entry, the account with the most urgent play first", () => {
    const groups = groupPlaysByAccount(
      [
        aPlay("globex", "billing_check", 30, "900000.00"),
        aPlay("acme", "adoption_workshop", 48),
        aPlay("initech", "sponsor_reengage", -2, "1000.00"),
        aPlay("acme", "billing_check", 5),
      ],
      now,
    );
    expect(groups.map((group) => group.account.id)).toEqual(["initech", "acme", "globex"]);
    const acme = groups[1];
    expect(acme?.playCount).toBe(2);
    expect(acme?.entries.map((entry) => entry.play.id)).toEqual([
      "acme:billing_check",
      "acme:adoption_workshop",
    ]);
  });

  it("orders accounts whose plays fall due together by ARR at stake", () => {
    const groups = groupPlaysByAccount(
      [aPlay("small", "save", 24, "1000.00"), aPlay("big", "save", 24, "500000.00")],
      now,
    );
    expect(groups.map((group) => group.account.id)).toEqual(["big", "small"]);
  });

  it("puts the account's other signal plays under an open save play as its checklist", () => {
    const red = [
      aPlay("acme", "billing_check"),
      aPlay("acme", "sponsor_reengage"),
      aPlay("acme", "save"),
      aPlay("acme", "renewal_lock", 72),
      aPlay("acme", "support_escalation", 2),
    ];
    const entries = accountEntries(red, now);
    expect(entries.map((entry) => entry.play.id)).toEqual(["acme:save", "acme:renewal_lock"]);
    // Steps in urgency order, equally urgent ones in the usual order of the signal kinds.
    expect(ids(entries[0]?.checklist ?? [])).toEqual([
      "acme:support_escalation",
      "acme:sponsor_reengage",
      "acme:billing_check",
    ]);
    expect(entries[1]?.checklist).toEqual([]);
  });

  it("ranks the save play by its own deadline, not by a step's", () => {
    const entries = accountEntries(
      [aPlay("acme", "save", 48), aPlay("acme", "billing_check", -5), aPlay("acme", "qbr_prep", 10)],
      now,
    );
    expect(entries.map((entry) => entry.play.id)).toEqual(["acme:qbr_prep", "acme:save"]);
    expect(ids(entries[1]?.checklist ?? [])).toEqual(["acme:billing_check"]);
  });

  it("without a save play, lists every play as an entry, the save kind first among equals", () => {
    const entries = accountEntries(
      [aPlay("acme", "nps_recovery"), aPlay("acme", "billing_check"), aPlay("acme", "sponsor_reengage")],
      now,
    );
    expect(entries.map((entry) => entry.play.id)).toEqual([
      "acme:sponsor_reengage",
      "acme:billing_check",
      "acme:nps_recovery",
    ]);
    expect(entries.every((entry) => entry.checklist.length === 0)).toBe(true);
  });

  it("returns nothing for no plays", () => {
    expect(groupPlaysByAccount([], now)).toEqual([]);
  });
});
