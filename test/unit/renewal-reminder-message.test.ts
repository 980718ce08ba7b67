import { describe, expect, it } from "vitest";
import type { RenewalReminder } from "../../src/domain/renewals/reminders.ts";
import { renewalReminderMessage } from "../../src/slack/views/renewal-reminder.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";

const reminder = (overrides: Partial<RenewalReminder> = {}): RenewalReminder => ({
  step: "escalation",
  playKind: "renewal_escalation",
  account: { id: "acc-1", name: "Acme Corporation", arr: "120000.00" },
  renewalDate: new Date("2027-01-01T00:00:00Z"),
  doneBy: new Date("2027-01-01T00:00:00Z"),
  daysToRenewal: 30,
  reason: "T-30: no commit for the renewal on 2027-01-01",
  commit: null,
  ownerSlackId: "UMARIA001",
  managerSlackId: "UINES0001",
  ...overrides,
});

describe("a renewal reminder", () => {
  it("names the account, the step, the renewal, the owner and the deadline, with the commit buttons, Log a touch and Open the account", () => {
    const message = renewalReminderMessage(reminder(), { kind: "owner" });
    expectWithinSlackLimits(message, "message");
    expect(message.text).toBe(
      "Renewal without a commit (T-30): Acme Corporation, renewal 2027-01-01 (in 30 days)",
    );
    const text = JSON.stringify(message.blocks);
    expect(text).toContain("*Commit*\\nnot recorded");
    expect(text).toContain("<@UMARIA001>, due 2027-01-01");
    const actions = message.blocks.find((block) => block.type === "actions");
    expect(actions && "elements" in actions ? actions.elements.map((e) => e.action_id) : []).toEqual([
      "renewal_commit_committed",
      "renewal_commit_at_risk",
      "renewal_commit_unknown",
      "renewal_outcome_open",
      "touch_open",
      "renewal_account_open",
    ]);
  });

  it("offers Record renewal from T-90 on, not with the month-7 expansion reminder", () => {
    const actionIds = (days: number) => {
      const message = renewalReminderMessage(reminder({ daysToRenewal: days }), { kind: "owner" });
      const actions = message.blocks.find((block) => block.type === "actions");
      return actions && "elements" in actions ? actions.elements.map((e) => e.action_id) : [];
    };
    expect(actionIds(90)).toContain("renewal_outcome_open");
    expect(actionIds(-2)).toContain("renewal_outcome_open");
    expect(actionIds(180)).not.toContain("renewal_outcome_open");
  });

  it("tells the manager whose renewal it is, and why they get it when the owner could not be reached", () => {
    const message = renewalReminderMessage(reminder(), {
      kind: "manager",
      note: "I could not reach <@UMARIA001>.",
    });
    expect(JSON.stringify(message.blocks)).toContain("For <@UINES0001>, manager of <@UMARIA001>");
    expect(JSON.stringify(message.blocks)).toContain(":warning: I could not reach <@UMARIA001>.");
  });

  it("keeps within Block Kit's limits with a very long account name, which cannot ping anyone", () => {
    const name = `<!channel> ${"Very Long Holdings ".repeat(40)}`;
    const message = renewalReminderMessage(reminder({ account: { id: "acc-2", name, arr: "1.00" } }), {
      kind: "owner",
    });
    expectWithinSlackLimits(message, "message");
    const mrkdwnBlocks = message.blocks.filter((block) => block.type !== "header");
    expect(JSON.stringify(mrkdwnBlocks)).not.toContain("<!channel>");
    expect(message.text).not.toContain("<!channel>");
  });
});
