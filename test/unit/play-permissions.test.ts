import { describe, expect, it } from "vitest";
import { mayWriteOnAccount } from "../../src/domain/account-writers.ts";
import {
  mayClaimPlay,
  mayManagePlay,
  mayReassignPlay,
  playManagers,
  playReassigners,
} from "../../src/domain/plays/permissions.ts";

const play = { ownerId: "owner", claimedById: "claimer", accountOwnerId: "csm" };

describe("who may snooze or close a play", () => {
  it("is its owner, its claimer, the account's CSM, a manager or an admin", () => {
    for (const id of ["owner", "claimer", "csm"])
      expect(mayManagePlay(play, { id, role: "csm" }), id).toBe(true);
    expect(mayManagePlay(play, { id: "boss", role: "manager" })).toBe(true);
    expect(mayManagePlay(play, { id: "root", role: "admin" })).toBe(true);
  });

  it("is nobody else", () => {
    expect(mayManagePlay(play, { id: "someone", role: "csm" })).toBe(false);
    const nobody = { ownerId: null, claimedById: null, accountOwnerId: null };
    expect(mayManagePlay(nobody, { id: "someone", role: "csm" })).toBe(false);
  });

  it("names each answerable person once, owner first", () => {
    expect(playManagers(play)).toEqual(["owner", "claimer", "csm"]);
    expect(playManagers({ ownerId: "maria", claimedById: null, accountOwnerId: "maria" })).toEqual(["maria"]);
  });
});

describe("who may reassign a play", () => {
  const holders = {
    ownerId: "owner",
    claimedById: "claimer",
    accountOwnerId: "csm",
    ownerManagerId: "owner-boss",
    accountOwnerManagerId: "csm-boss",
  };

  it("is its owner, the account's CSM, the manager of either, or an admin", () => {
    for (const id of ["owner", "csm"]) expect(mayReassignPlay(holders, { id, role: "csm" }), id).toBe(true);
    for (const id of ["owner-boss", "csm-boss"])
      expect(mayReassignPlay(holders, { id, role: "manager" }), id).toBe(true);
    expect(mayReassignPlay(holders, { id: "root", role: "admin" })).toBe(true);
  });

  it("is not whoever claimed it, nor another team's manager", () => {
    expect(mayReassignPlay(holders, { id: "claimer", role: "csm" })).toBe(false);
    expect(mayReassignPlay(holders, { id: "other-boss", role: "manager" })).toBe(false);
  });

  it("names the owner, the CSM and their managers once each", () => {
    expect(playReassigners(holders)).toEqual(["owner", "csm", "owner-boss", "csm-boss"]);
  });
});

describe("a viewer", () => {
  const mine = { ownerId: "viewer", claimedById: null, accountOwnerId: "viewer" };
  const viewer = { id: "viewer", role: "viewer" as const };

  it("claims, manages and reassigns nothing, not even on an account left in their name", () => {
    expect(mayClaimPlay(viewer)).toBe(false);
    expect(mayManagePlay(mine, viewer)).toBe(false);
    expect(mayReassignPlay({ ...mine, ownerManagerId: null, accountOwnerManagerId: null }, viewer)).toBe(
      false,
    );
    expect(mayWriteOnAccount({ ownerId: "viewer", ownerManagerId: null }, viewer)).toBe(false);
    expect(mayClaimPlay({ id: "x", role: "csm" })).toBe(true);
  });
});
