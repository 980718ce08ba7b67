// The stakeholder map of one demo account, with the gaps its story calls for: a sponsor gone dark, a
// missing economic buyer on a small account, a blocker where things are going badly.
import { randomUUID } from "node:crypto";
import { searchKey } from "../domain/search-text.ts";
import type { Sentiment, StakeholderRole } from "../generated/prisma/client.ts";
import { firstNames, lastNames, type StoryScript, titlesByRole } from "./data.ts";
import { addDays } from "./dates.ts";
import type { AccountDraft, Build, Person } from "./draft.ts";

const sentimentsByMood: Record<StoryScript["mood"], readonly Sentiment[]> = {
  good: ["positive", "positive", "positive", "neutral"],
  mixed: ["positive", "neutral", "neutral", "negative"],
  bad: ["neutral", "negative", "negative", "positive"],
};

export function addStakeholders({ rng, rows, today }: Build, draft: AccountDraft): Person[] {
  const { company, script } = draft;
  const roles: StakeholderRole[] = [];
  if (company.segment !== "smb" || rng.chance(0.7)) roles.push("economic_buyer");
  roles.push("champion");
  for (let s = 0; s < company.sponsors; s++) roles.push("executive_sponsor");
  for (let p = rng.int(0, 2); p > 0; p--) roles.push("power_user");
  if (rng.chance(script.mood === "bad" ? 0.7 : 0.1)) roles.push("blocker");
  while (roles.length > 6) roles.splice(roles.lastIndexOf("power_user"), 1);
  while (roles.length < 2) roles.push("power_user");

  const sponsorDark = script.sponsorDarkDays[2] > 45;
  const domain = `${searchKey(company.name).replace(/ /g, "")}.example`;
  const taken = new Set<string>();
  let sponsorsPlaced = 0;
  return roles.map((role) => {
    let first = rng.pick(firstNames);
    let last = rng.pick(lastNames);
    while (taken.has(`${first} ${last}`)) [first, last] = [rng.pick(firstNames), rng.pick(lastNames)];
    taken.add(`${first} ${last}`);
    let quietDays: number;
    if (role === "executive_sponsor") {
      const firstSponsor = sponsorsPlaced++ === 0;
      const dark = Math.round(script.sponsorDarkDays[2]) + rng.int(-2, 2);
      quietDays = firstSponsor ? dark : sponsorDark ? dark + rng.int(4, 20) : rng.int(5, 40);
    } else if (role === "champion") quietDays = rng.int(1, script.mood === "bad" ? 10 : 21);
    else if (role === "economic_buyer") quietDays = rng.int(10, 60);
    else quietDays = rng.int(1, 30);
    const darkSponsor = role === "executive_sponsor" && quietDays > 45;
    const row = {
      id: randomUUID(),
      accountId: draft.id,
      name: `${first} ${last}`,
      email: `${searchKey(first)}.${searchKey(last).replace(/ /g, "")}@${domain}`,
      title: rng.pick(titlesByRole[role]),
      role,
      sentiment:
        role === "blocker"
          ? "negative"
          : darkSponsor
            ? rng.pick(["unknown", "neutral"] as const)
            : rng.pick(sentimentsByMood[script.mood]),
      lastContactOn: addDays(today, -quietDays),
    };
    rows.stakeholders.push(row);
    return { row, firstName: first };
  });
}
