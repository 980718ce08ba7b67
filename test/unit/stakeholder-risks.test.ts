import { describe, expect, it } from "vitest";
import { type MapPerson, mapRisks, needsSuccessor, rolesOf } from "../../src/domain/stakeholders/risks.ts";

const today = new Date("2026-12-07T00:00:00Z");
const daysAgo = (days: number) => new Date(today.getTime() - days * 86_400_000);

let next = 0;
function person(overrides: Partial<MapPerson> = {}): MapPerson {
  next += 1;
  return {
    id: `p${next}`,
    name: `Person ${next}`,
    role: "power_user",
    otherRoles: [],
    lastContactOn: daysAgo(5),
    leftOn: null,
    ...overrides,
  };
}

const fullMap = () => [
  person({ role: "economic_buyer" }),
  person({ role: "champion" }),
  person({ role: "executive_sponsor" }),
  person({ role: "executive_sponsor" }),
];

const kinds = (people: MapPerson[], extra: Partial<Parameters<typeof mapRisks>[0]> = {}) =>
  mapRisks({ people, contractStart: daysAgo(200), today, recentTouches: [], ...extra }).map(
    (risk) => risk.kind,
  );

describe("the stakeholder map's warnings", () => {
  it("has none for a full, recently contacted map", () => {
    expect(kinds(fullMap())).toEqual([]);
  });

  it("flags a missing economic buyer, counting a person's other roles", () => {
    const map = fullMap().slice(1);
    expect(kinds(map)).toEqual(["no_economic_buyer"]);
    const sponsorWhoSigns = [
      ...map.slice(0, 2),
      person({ role: "executive_sponsor", otherRoles: ["economic_buyer"] }),
    ];
    expect(kinds(sponsorWhoSigns)).toEqual([]);
  });

  it("asks for two executive sponsors from day 60 of the contract, not before", () => {
    const oneSponsor = fullMap().slice(0, 3);
    expect(kinds(oneSponsor, { contractStart: daysAgo(59) })).toEqual([]);
    const risks = mapRisks({ people: oneSponsor, contractStart: daysAgo(60), today, recentTouches: [] });
    expect(risks).toEqual([{ kind: "few_sponsors", sponsors: 1, contractDays: 60 }]);
    expect(kinds(oneSponsor, { contractStart: null })).toEqual([]);
  });

  it("flags a champion or sponsor not contacted for more than 45 days, or never", () => {
    const [buyer, champion, ...sponsors] = fullMap() as [MapPerson, MapPerson, ...MapPerson[]];
    const quiet = { ...champion, lastContactOn: daysAgo(46) } as MapPerson;
    const risks = mapRisks({
      people: [buyer, quiet, ...sponsors],
      contractStart: daysAgo(200),
      today,
      recentTouches: [],
    });
    expect(risks).toEqual([{ kind: "gone_quiet", person: quiet, days: 46 }]);
    const justInside = { ...champion, lastContactOn: daysAgo(45) } as MapPerson;
    expect(kinds([buyer, justInside, ...sponsors])).toEqual([]);
    const never = { ...champion, lastContactOn: null } as MapPerson;
    expect(kinds([buyer, never, ...sponsors])).toEqual(["gone_quiet"]);
    // A power user's silence is not a warning.
    expect(kinds([...fullMap(), person({ lastContactOn: daysAgo(300) })])).toEqual([]);
  });

  it("flags a key contact who left, who no longer counts on the map", () => {
    const [buyer, champion, sponsor, other] = fullMap() as [MapPerson, MapPerson, MapPerson, MapPerson];
    const left = { ...sponsor, leftOn: daysAgo(3) } as MapPerson;
    expect(kinds([buyer, champion, left, other])).toEqual(["few_sponsors", "key_contact_left"]);
    // A power user leaving is not a key loss; a departure stops warning after 90 days.
    expect(kinds([...fullMap(), person({ leftOn: daysAgo(3) })])).toEqual([]);
    expect(kinds([buyer, champion, { ...left, leftOn: daysAgo(91) } as MapPerson, other])).toEqual([
      "few_sponsors",
    ]);
  });

  it("flags an account whose recent touches all went through one person", () => {
    const map = fullMap();
    const only = map[1] as MapPerson;
    const touches = (ids: string[][]) => ids.map((stakeholderIds) => ({ stakeholderIds }));
    const risks = mapRisks({
      people: map,
      contractStart: daysAgo(200),
      today,
      recentTouches: touches([[only.id], [only.id], [], [only.id]]),
    });
    expect(risks).toEqual([{ kind: "single_threaded", person: only, touches: 3 }]);
    expect(kinds(map, { recentTouches: touches([[only.id], [only.id]]) })).toEqual([]);
    expect(kinds(map, { recentTouches: touches([[only.id], [only.id], [only.id, "p-other"]]) })).toEqual([]);
  });

  it("knows every role a person plays, and who needs a successor", () => {
    expect(rolesOf({ role: "champion", otherRoles: ["champion", "power_user"] })).toEqual([
      "champion",
      "power_user",
    ]);
    expect(needsSuccessor({ role: "power_user", otherRoles: ["executive_sponsor"] })).toBe(true);
    expect(needsSuccessor({ role: "power_user", otherRoles: ["blocker"] })).toBe(false);
  });
});
