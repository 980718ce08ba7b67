// A synthetic CRM export of n accounts with realistic, varied names, and the queries a CSM would type.
const list = (names: string) => names.split(",");
const first = list(
  "Acme,Globex,Initech,Umbrella,Hooli,Stark,Wayne,Tyrell,Cyberdyne,Soylent,Zürich,Nordic,Pacific,Atlas,Vertex,Quantum,Summit,Blue,Red,Silver,Golden,Iron,Crystal,Polar,Solar,Lunar,Évora,Münster,Kraków,São Paulo",
);
const second = list(
  "Logistics,Precision,Health,Analytics,Robotics,Foods,Energy,Capital,Media,Software,Systems,Labs,Networks,Dynamics,Holdings,Ventures,Retail,Pharma,Motors,Cloud",
);
const suffix = list("Inc,AG,GmbH,Ltd,Corporation,SA,BV,LLC,Group,Partners");
const segments = list("enterprise,mid-market,smb");

const stages = list("onboarding,adoption,value_realization,expansion,renewal");

/** The ARR of the book's account `i`, in whole dollars. */
export function bookArr(i: number, shift = 0): number {
  return 5_000 + ((i * 7919) % 250_000) + 1_000 * shift;
}
const today = () => new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
export const ownerId = (i: number) => `UOWNER${String(i).padStart(3, "0")}`;

/**
 * The book as a CRM export. `changed` is the same accounts a quarter later: every row's ARR, stage and
 * renewal date differ, so a second import of it updates every account. Account i belongs to owner
 * `ownerId(i mod owners)`; contracts start on the `startSpreadDays` days up to `lastStart` (by default the
 * 150 days up to today) and run a year, so no step of the renewal calendar (the first comes half the term
 * in) falls due while the bench runs: the reminders are a job of their own, not part of what is measured.
 */
export function bookCsv(
  n: number,
  changed = false,
  { owners = 60, lastStart = today(), startSpreadDays = 150 } = {},
): { csv: string; queries: string[] } {
  const lines = [
    "Account ID,Account Name,Account Owner,Annual Recurring Revenue,Contract Start Date,Renewal Date,Segment,Stage",
  ];
  const names: string[] = [];
  const shift = changed ? 1 : 0;
  for (let i = 0; i < n; i++) {
    const name =
      `${first[i % first.length]} ${second[Math.floor(i / first.length) % second.length]} ${suffix[Math.floor(i / (first.length * second.length)) % suffix.length]} ${Math.floor(i / (first.length * second.length * suffix.length)) || ""}`.trim();
    names.push(name);
    const start = new Date(lastStart.getTime() - (i % startSpreadDays) * 86_400_000);
    const renewal = new Date(start.getTime() + (365 + 30 * shift) * 86_400_000);
    const owner = ownerId(i % owners);
    const arr = bookArr(i, shift);
    lines.push(
      `ACC-${String(i).padStart(6, "0")},"${name}",${owner},"$${arr.toLocaleString("en-US")}.00",${start.toISOString().slice(0, 10)},${renewal.toISOString().slice(0, 10)},${segments[i % 3]},${stages[(i + shift) % stages.length]}`,
    );
  }
  // What CSMs type: exact names, partial names, a CRM id, lower case, accents dropped, a typo.
  const queries: string[] = [];
  for (let i = 0; i < 200; i++) {
    const name = names[(i * 97) % names.length] as string;
    const variants = [
      name,
      name.split(" ").slice(0, 2).join(" ").toLowerCase(),
      `ACC-${String((i * 97) % names.length).padStart(6, "0")}`,
      name.normalize("NFKD").replace(/\p{M}+/gu, ""),
      name.slice(0, 4),
      name.replace(/a/, "e"),
    ];
    queries.push(variants[i % variants.length] as string);
  }
  return { csv: lines.join("\n"), queries };
}
