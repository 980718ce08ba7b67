import { describe, expect, it } from "vitest";
import {
  type AccountMatch,
  accountPickList,
  accountQueryProblem,
  noAccountFound,
} from "../../src/slack/views/account-search-replies.ts";
import type { Block, MessagePayload } from "../../src/slack/views/blocks.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";

function match(overrides: Partial<AccountMatch> = {}): AccountMatch {
  return {
    id: "acc_1",
    externalId: "0015g00000XyZ01",
    name: "Acme Corporation",
    ownerSlackId: "U0CSM",
    arr: "120000.00",
    ...overrides,
  };
}

function matches(count: number): AccountMatch[] {
  return Array.from({ length: count }, (_, i) =>
    match({ id: `acc_${i}`, externalId: `CRM-${i}`, name: `Acme ${i}` }),
  );
}

function reply(payload: MessagePayload): MessagePayload {
  expectWithinSlackLimits(payload, "message");
  return payload;
}

function visibleText(payload: MessagePayload): string {
  const texts = (block: Block): string[] => {
    if (block.type === "section") return [block.text?.text ?? "", ...(block.fields ?? []).map((f) => f.text)];
    if (block.type === "context") return block.elements.map((element) => element.text);
    return [];
  };
  return payload.blocks.flatMap(texts).join("\n");
}

const buttons = (payload: MessagePayload) =>
  payload.blocks.flatMap((block) =>
    block.type === "section" && block.accessory?.type === "button" ? [block.accessory] : [],
  );

const hostileQueries = ["<@U123>", "*bold*", "<!channel>", `${"<!here> ".repeat(60)}end`, "x".repeat(500)];

/** A reply is harmless when no mrkdwn text can ping, link or format what the CSM typed. */
function expectHarmlessEcho(payload: MessagePayload) {
  const mrkdwnTexts = payload.blocks.flatMap((block) => {
    if (block.type === "section") return block.text?.type === "mrkdwn" ? [block.text.text] : [];
    if (block.type === "context") return block.elements.filter((e) => e.type === "mrkdwn").map((e) => e.text);
    return [];
  });
  for (const text of [payload.text, ...mrkdwnTexts]) {
    for (const hostile of ["<@U123>", "<!channel>", "<!here>", "<!everyone>", "*bold*", "xxxxxxxxxx"]) {
      expect(text).not.toContain(hostile);
    }
  }
  const [echoed] = payload.blocks;
  expect(echoed).toMatchObject({ type: "section", text: { type: "plain_text" } });
  expect(echoed?.type === "section" ? echoed.text?.text.length : Number.POSITIVE_INFINITY).toBeLessThan(100);
  expect(payload.text.length).toBeLessThan(200);
}

describe("replies to /account when there is no single card to show", () => {
  it("lists the matches with owner, ARR and CRM id, each with its own Open button", () => {
    const payload = reply(accountPickList("acme", matches(3)));
    const text = visibleText(payload);
    expect(text).toContain("3 accounts match “acme”");
    expect(text).toContain("*Acme 0*\n<@U0CSM> · $120K ARR · CRM id CRM-0");
    expect(buttons(payload)).toEqual([
      expect.objectContaining({
        action_id: "account_open_0",
        value: "acc_0",
        text: expect.objectContaining({ text: "Open" }),
      }),
      expect.objectContaining({ action_id: "account_open_1", value: "acc_1" }),
      expect.objectContaining({ action_id: "account_open_2", value: "acc_2" }),
    ]);
  });

  it("shows ten matches at most, with unique action ids, and says how to narrow down", () => {
    const payload = reply(accountPickList("acme", matches(23)));
    const actionIds = buttons(payload).map((button) => button.action_id);
    expect(actionIds).toHaveLength(10);
    expect(new Set(actionIds).size).toBe(10);
    expect(visibleText(payload)).toContain("Showing 10 of 23");
  });

  it("says which corrected words found the matches, as plain text, and only when a correction found them", () => {
    const corrected = reply(accountPickList("Sterk Retail", matches(2), "stark retail"));
    expect(visibleText(corrected)).toContain(
      "2 accounts match “Sterk Retail”\nIncludes names with “stark retail”: some words you typed look misspelt.",
    );
    expect(corrected.blocks[1]).toMatchObject({ type: "context", elements: [{ type: "plain_text" }] });
    expect(visibleText(reply(accountPickList("acme", matches(2))))).not.toContain("Includes names with");
  });

  it("says Unassigned for an account nobody owns, and speaks of one account in the singular", () => {
    const payload = reply(accountPickList("acme", [match({ ownerSlackId: null })]));
    expect(visibleText(payload)).toContain("1 account matches “acme”");
    expect(visibleText(payload)).toContain("Unassigned");
  });

  it("escapes account names that carry markup", () => {
    const payload = reply(
      accountPickList("acme", [match({ name: "<!channel> Acme & Co", externalId: "<@U1>" })]),
    );
    expect(visibleText(payload)).toContain("&lt;!channel&gt; Acme &amp; Co");
    expect(visibleText(payload)).not.toMatch(/<!channel>|<@U1>/);
  });

  it("suggests the closest names and how to search when nothing matches", () => {
    const payload = reply(noAccountFound("acmz", ["Acme Corporation", "Acme Labs"]));
    const text = visibleText(payload);
    expect(text).toContain("No account matches “acmz”.");
    expect(text).toContain("Closest: Acme Corporation, Acme Labs");
    expect(text).toContain("name");
    expect(text).toContain("CRM id");
    expect(reply(accountPickList("acmz", [])).text).toBe(payload.text);
  });

  it.each(hostileQueries)("echoes a hostile query harmlessly: %s", (query) => {
    expectHarmlessEcho(reply(accountPickList(query, matches(2))));
    expectHarmlessEcho(reply(noAccountFound(query, ["<!everyone>"])));
  });

  it("explains each problem with the query and shows the usage", () => {
    const empty = visibleText(reply(accountQueryProblem("empty")));
    expect(empty).toContain("Which account?");
    expect(empty).toContain("/account &lt;name or CRM id&gt;");
    expect(visibleText(reply(accountQueryProblem("too_long")))).toContain("keep it under 100 characters");
    expect(visibleText(reply(accountQueryProblem("unsupported")))).toContain("mentions");
  });
});
