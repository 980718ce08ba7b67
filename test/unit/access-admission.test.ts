import { describe, expect, it } from "vitest";
import { accessRefusal, type SlackStanding, standingRefusal } from "../../src/domain/access/admission.ts";

const home = { teamId: "T0001", enterpriseId: null };
const member: SlackStanding = {
  deleted: false,
  isBot: false,
  isRestricted: false,
  isUltraRestricted: false,
  teamId: "T0001",
  enterpriseId: null,
};

describe("who may use the bot", () => {
  it("the team, by default", () => {
    expect(accessRefusal({ standing: member, home, onTeam: true, mode: "team" })).toBeNull();
    expect(accessRefusal({ standing: member, home, onTeam: false, mode: "team" })).toBe("not_on_team");
  });

  it("every full member of the workspace when it is opened to them", () => {
    expect(accessRefusal({ standing: member, home, onTeam: false, mode: "workspace" })).toBeNull();
  });

  it.each([
    ["a multi-channel guest", { isRestricted: true }, "guest"],
    ["a single-channel guest", { isUltraRestricted: true }, "guest"],
    ["someone from another organisation (Slack Connect)", { teamId: "TOTHER01" }, "external"],
    ["a deactivated person", { deleted: true }, "deactivated"],
    ["a bot", { isBot: true }, "bot"],
  ] as const)("never %s, on the team or not, whatever the setting", (_who, change, reason) => {
    const standing = { ...member, ...change };
    for (const mode of ["team", "workspace"] as const)
      for (const onTeam of [true, false])
        expect(accessRefusal({ standing, home, onTeam, mode })).toBe(reason);
  });

  it("never someone Slack does not know", () => {
    expect(accessRefusal({ standing: null, home, onTeam: true, mode: "workspace" })).toBe("unknown_to_slack");
  });

  it("counts another workspace of the same Enterprise Grid organisation as ours", () => {
    const grid = { teamId: "T0001", enterpriseId: "E0001" };
    expect(standingRefusal({ ...member, teamId: "T0002", enterpriseId: "E0001" }, grid)).toBeNull();
    expect(standingRefusal({ ...member, teamId: "T0002", enterpriseId: "E0002" }, grid)).toBe("external");
    expect(standingRefusal({ ...member, teamId: null }, home)).toBe("external");
  });
});
