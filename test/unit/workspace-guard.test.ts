import { describe, expect, it } from "vitest";
import { fromInstalledWorkspace, type Workspace } from "../../src/slack/workspace-guard.ts";

const workspace = (teamId?: string, enterpriseId?: string, isEnterpriseInstall = false): Workspace => ({
  teamId,
  enterpriseId,
  isEnterpriseInstall,
});

describe("whether a request comes from the installed workspace", () => {
  it("takes the installed team, and no other", () => {
    expect(fromInstalledWorkspace(workspace("T1"), workspace("T1"))).toBe(true);
    expect(fromInstalledWorkspace(workspace("T1"), workspace("T2"))).toBe(false);
    expect(fromInstalledWorkspace(workspace("T1"), workspace(undefined))).toBe(false);
  });

  it("in an Enterprise Grid, wants the team's organisation too", () => {
    expect(fromInstalledWorkspace(workspace("T1", "E1"), workspace("T1", "E1"))).toBe(true);
    expect(fromInstalledWorkspace(workspace("T1", "E1"), workspace("T1", "E2"))).toBe(false);
  });

  it("for an org-wide installation, takes every workspace of that organisation only", () => {
    const org = workspace(undefined, "E1", true);
    expect(fromInstalledWorkspace(org, workspace("T7", "E1", true))).toBe(true);
    expect(fromInstalledWorkspace(org, workspace("T7", "E2", true))).toBe(false);
    expect(fromInstalledWorkspace(org, workspace("T7"))).toBe(false);
  });
});
