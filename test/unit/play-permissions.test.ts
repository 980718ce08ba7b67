import { describe, expect, it } from "vitest";
import { mayManagePlay, playManagers } from "../../src/domain/plays/permissions.ts";

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
