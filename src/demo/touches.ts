// The touch history of one demo account (calls, emails, meetings, QBRs with the people mapped) and the
// review its newest QBR or EBR produced.
import { randomUUID } from "node:crypto";
import type { StakeholderRole } from "../generated/prisma/client.ts";
import { concerningTouches, expansionNotes, goodTouches, type TouchCast, type TouchScript } from "./data.ts";
import { addDays, addHours, daysBetween, earliest } from "./dates.ts";
import type { AccountDraft, Build, Person } from "./draft.ts";
import { shuffled } from "./random.ts";
import type { PlanDraft } from "./success-plans.ts";

/** Touches, newest first, authored by the owner; the newest QBR or EBR also becomes a Review. */
export function addTouches(b: Build, draft: AccountDraft, people: Person[], plan: PlanDraft | null) {
  const { rng, rows, now, today } = b;
  const { script } = draft;
  const cast = castOf(people);
  const names: TouchCast = {
    champion: cast.champion.firstName,
    buyer: cast.buyer.firstName,
    sponsor: cast.sponsor.firstName,
    powerUser: cast.powerUser.firstName,
  };
  const pools = { good: shuffled(rng, goodTouches), concerning: shuffled(rng, concerningTouches) };
  const reached = (person: Person, day: Date) =>
    person.row.role !== "executive_sponsor" || day <= person.row.lastContactOn;
  let day = today;
  let reviewed = false;
  const count = rng.int(...script.touches);
  for (let logged = 0; logged < count; logged++) {
    const newest = logged === 0;
    day = addDays(day, -(newest ? rng.int(1, script.mood === "good" ? 9 : 20) : rng.int(6, 18)));
    if (day < draft.signedOn) break;
    // The newest touches of a troubled account are about the trouble.
    const worrying = script.mood === "bad" ? logged < 2 : newest && script.mood === "mixed";
    const pool = worrying ? pools.concerning : pools.good;
    const at = pool.findIndex(
      (touch) =>
        (!["qbr", "ebr"].includes(touch.kind) || daysBetween(draft.signedOn, day) >= 60) &&
        touch.with.every((role) => touch.kind === "email" || reached(cast[role], day)),
    );
    if (at < 0) break;
    const [touch] = pool.splice(at, 1) as [TouchScript];
    const occurredAt = addHours(day, rng.int(8, 17) + rng.pick([0, 0.25, 0.5, 0.75]));
    const id = randomUUID();
    rows.touches.push({
      id,
      accountId: draft.id,
      authorId: draft.ownerId,
      kind: touch.kind,
      occurredAt,
      summary: touch.summary(names),
      nextStep: touch.nextStep?.(names) ?? null,
      createdAt: earliest(addHours(occurredAt, rng.int(1, 20)), now),
    });
    for (const person of new Set(touch.with.map((role) => cast[role]))) {
      if (!reached(person, day)) continue;
      rows.touchParticipants.push({ touchId: id, stakeholderId: person.row.id });
      if (person.row.lastContactOn < day) person.row.lastContactOn = day;
    }
    if ((touch.kind === "qbr" || touch.kind === "ebr") && !reviewed) {
      reviewed = true;
      addReview(b, draft, plan, touch.kind, day);
    }
  }
}

function addReview(
  { rng, rows }: Build,
  draft: AccountDraft,
  plan: PlanDraft | null,
  kind: "qbr" | "ebr",
  heldOn: Date,
) {
  const valueVerified = draft.script.mood === "good" || (draft.script.mood === "mixed" && rng.chance(0.5));
  const expansionAsked = rng.chance(0.7);
  const goal = plan?.goals[0];
  rows.reviews.push({
    id: randomUUID(),
    accountId: draft.id,
    kind,
    heldOn,
    leadId: draft.ownerId,
    outcomeSummary: goal
      ? `${goal.kpi}: ${goal.baseline} → ${goal.current} (target ${goal.target}); ${
          valueVerified
            ? "value summary co-written with the customer"
            : "the customer has not confirmed the value yet"
        }.`
      : "Reviewed adoption and open tickets; no success plan agreed yet.",
    valueVerified,
    expansionAsked,
    expansionNotes: expansionAsked ? rng.pick(expansionNotes) : null,
    nextReviewOn: addDays(heldOn, kind === "qbr" ? 91 : 182),
  });
  if (plan) plan.row.reviewedOn = heldOn;
}

function castOf(people: Person[]): Record<keyof TouchCast, Person> {
  const withRole = (role: StakeholderRole) => people.find((person) => person.row.role === role);
  const champion = withRole("champion") ?? withRole("power_user") ?? people[0]!;
  const buyer = withRole("economic_buyer") ?? champion;
  return {
    champion,
    buyer,
    sponsor: withRole("executive_sponsor") ?? buyer,
    powerUser: withRole("power_user") ?? champion,
  };
}
