import { describe, expect, it } from "vitest";
import { groupPlaysByAccount } from "../../src/domain/plays/account-groups.ts";
import { parsePlayActionValue } from "../../src/slack/parse/play-action.ts";
import type { Block } from "../../src/slack/views/blocks.ts";
import {
  type PlaysListItem,
  playsList,
  playsPageActions,
  playsShownPerAccount,
} from "../../src/slack/views/plays-list.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { redAccountKinds } from "../helpers/snapshots.ts";

const now = new Date("2026-11-23T09:00:00Z");
const tomorrow = new Date("2026-11-24T10:00:00Z");
const redKinds = redAccountKinds;

function aPlay(
  account: string,
  kind: string,
  overrides: Partial<PlaysListItem> & { band?: string | null } = {},
): PlaysListItem {
  const { band = "red", ...rest } = overrides;
  return {
    id: `${account}-${kind}`.replace(/\W+/g, "-").slice(0, 64),
    kind,
    reason: `${kind} reason`,
    status: "open",
    dueAt: tomorrow,
    snoozedUntil: null,
    ownerSlackId: "UMARIA001",
    claimedBySlackId: null,
    arrAtRisk: "120000.00",
    account: { id: account, name: account, band },
    ...rest,
  };
}

const redAccount = (name: string, arr = "120000.00") =>
  redKinds.map((kind) => aPlay(name, kind, { arrAtRisk: arr }));
const list = (plays: PlaysListItem[], offset?: number) =>
  playsList(groupPlaysByAccount(plays, now), { now, ...(offset === undefined ? {} : { offset }) });
const textOf = (blocks: Block[]) => JSON.stringify(blocks);
const actionIds = (blocks: Block[]) =>
  blocks.flatMap((block) => (block.type === "actions" ? block.elements.map((e) => e.action_id) : []));
const pageButton = (blocks: Block[], id: string) =>
  blocks
    .flatMap((block) => (block.type === "actions" ? block.elements : []))
    .find((element) => element.action_id === id) as { value: string } | undefined;

describe("the /plays list, by account", () => {
  it("shows each account once, with its band, ARR at stake and play count, most urgent account first", () => {
    const payload = list([
      aPlay("Globex", "billing_check", { arrAtRisk: "300000.00", band: "yellow" }),
      aPlay("Initech", "adoption_workshop", { dueAt: new Date("2026-11-22T09:00:00Z"), band: null }),
      aPlay("Globex", "adoption_workshop", { arrAtRisk: "300000.00", band: "yellow" }),
    ]);
    expectWithinSlackLimits(payload, "message");
    expect(payload.blocks[0]).toMatchObject({ text: { text: "Your open plays: 3 on 2 accounts" } });
    expect(payload.text).toBe("You have 3 open plays on 2 accounts");
    const text = textOf(payload.blocks);
    expect(text).toContain("⚪ no health score yet · *Initech* · $120K ARR at stake · 1 play");
    expect(text).toContain("🟡 yellow · *Globex* · $300K ARR at stake · 2 plays");
    expect(text.indexOf("*Initech*")).toBeLessThan(text.indexOf("*Globex*"));
    expect(text.match(/\*Globex\*/g)).toHaveLength(1);
    expect(text).toContain("⚠️ overdue");
  });

  it("reads a band it does not know as its words", () => {
    const text = textOf(list([aPlay("Acme", "data_gap", { band: "insufficient_data" })]).blocks);
    expect(text).toContain("⚪ insufficient data · *Acme*");
  });

  it("shows three red accounts of seven plays each in one message, each save play with its checklist", () => {
    const payload = list([...redAccount("Acme"), ...redAccount("Globex"), ...redAccount("Initech")]);
    expectWithinSlackLimits(payload, "message");
    const text = textOf(payload.blocks);
    for (const name of ["Acme", "Globex", "Initech"])
      expect(text).toContain(`*${name}* · $120K ARR at stake · 7 plays`);
    expect(text.match(/Save plan checklist: 6 steps below/g)).toHaveLength(3);
    expect(text.match(/due <!date/g)).toHaveLength(3);
    expect(actionIds(payload.blocks).filter((id) => id.startsWith("play_close_"))).toHaveLength(21);
    expect(text).not.toContain(playsPageActions.next);
  });

  it("pages beyond one message: a count of the rest and Next accounts, whose page keeps its offset", () => {
    const names = ["A", "B", "C", "D", "E", "F"].map((letter) => `Account ${letter}`);
    const plays = names.flatMap((name, i) => redAccount(name, `${900000 - i * 1000}.00`));
    const first = list(plays);
    expectWithinSlackLimits(first, "message");
    expect(first.blocks.length).toBeLessThanOrEqual(50);
    const text = textOf(first.blocks);
    expect(text).toContain("Accounts 1–3 of 6. 3 more accounts with 21 plays after these.");
    const next = pageButton(first.blocks, playsPageActions.next);
    expect(next?.value).toBe("3");
    expect(pageButton(first.blocks, playsPageActions.first)).toBeUndefined();

    const second = list(plays, 3);
    expectWithinSlackLimits(second, "message");
    const secondText = textOf(second.blocks);
    expect(secondText).toContain("*Account D*");
    expect(secondText).not.toContain("*Account A*");
    expect(secondText).toContain("Accounts 4–6 of 6.");
    expect(pageButton(second.blocks, playsPageActions.next)).toBeUndefined();
    expect(pageButton(second.blocks, playsPageActions.first)?.value).toBe("0");
    const claim = pageButton(second.blocks, "play_claim_0");
    expect(parsePlayActionValue(claim?.value)?.surface).toEqual({ kind: "plays", offset: 3 });
  });

  it("starts again from the first account when the page asked for is past the end", () => {
    const text = textOf(list(redAccount("Acme"), 40).blocks);
    expect(text).toContain("*Acme*");
  });

  it("caps the plays of one account and points to its card for the rest", () => {
    const extra = ["renewal_lock", "qbr_prep", "nps_recovery"].map((kind) => aPlay("Acme", kind));
    const payload = list([...redAccount("Acme"), ...extra]);
    expectWithinSlackLimits(payload, "message");
    expect(actionIds(payload.blocks).filter((id) => id.startsWith("play_close_"))).toHaveLength(
      playsShownPerAccount,
    );
    expect(textOf(payload.blocks)).toContain("+2 more on this account — `/account Acme` lists them all.");
  });

  it("says so when there is nothing to do", () => {
    const payload = playsList([], { now });
    expectWithinSlackLimits(payload, "message");
    expect(payload.text).toMatch(/^No open plays/);
  });

  it("stays within Slack's limits with huge text on every account", () => {
    const essay = "Very long reason ".repeat(200);
    const plays = Array.from({ length: 40 }, (_, i) => ({
      ...aPlay(`acct-${i}`, i % 2 ? "save" : essay, { reason: essay, arrAtRisk: "99999999999.99" }),
      account: { id: `acct-${i}`, name: `${essay}${i}`, band: essay },
    }));
    const payload = list(plays);
    expectWithinSlackLimits(payload, "message");
    expect(textOf(payload.blocks)).toContain(playsPageActions.next);
  });
});
