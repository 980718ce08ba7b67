// One health-signal snapshot per account and date, as the CSV import and the HTTP ingest both send it.
// Both paths validate an item with the same schema, so a value the CLI refuses is refused over HTTP too.
// A signal that is absent or null is unknown, never zero: the score says which signals it lacked.
//
// Feeds send pieces: billing posts the overdue days, the usage feed the features used, each for the same
// account and day. A field left out of an item is "not sent" and keeps what another feed stored; a field
// sent as null clears it ("cleared"). The snapshot keeps which of its nulls were cleared on purpose.
import { z } from "zod";
import { controlCharacterProblem, isoDayYearProblem } from "../input-rules.ts";
import { isoDayToDate } from "../lifecycle.ts";

/** The value fields of a snapshot, in a fixed order: a field's bit in `clearedFields` is 1 << index. */
export const signalFieldNames = [
  "featuresUsed",
  "featuresInPlan",
  "adoptionPct",
  "powerUserLogins",
  "sponsorLastResponse",
  "tickets30d",
  "p1P2Tickets30d",
  "invoiceDaysOverdue",
  "seatsActive",
  "seatsPurchased",
  "nps",
  "csat",
] as const;
export type SignalFieldName = (typeof signalFieldNames)[number];

export const signalFieldBit = (field: SignalFieldName): number => 1 << signalFieldNames.indexOf(field);

export interface SignalSnapshot {
  date: Date;
  /** Bits (signalFieldBit) of the fields whose null was sent as null: cleared, not merely not sent. */
  clearedFields: number;
  featuresUsed: number | null;
  featuresInPlan: number | null;
  adoptionPct: number | null;
  powerUserLogins: number | null;
  sponsorLastResponse: Date | null;
  tickets30d: number | null;
  p1P2Tickets30d: number | null;
  invoiceDaysOverdue: number | null;
  seatsActive: number | null;
  seatsPurchased: number | null;
  nps: number | null;
  csat: number | null;
}

// Counts land in PostgreSQL integer columns.
const maxCount = 2_147_483_647;

const isoDay = () =>
  z.iso.date({ error: "must be a real date in the form YYYY-MM-DD" }).superRefine((day, ctx) => {
    // Only a day in the right form has a year to check; the form's own message covers the rest.
    const problem = z.regexes.date.test(day) ? isoDayYearProblem(day) : null;
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

// Not `.int()`: it stops the item's cross-field checks, and a batch should report every problem at once.
const whole = (number: z.ZodNumber, error: string) => number.refine(Number.isInteger, { error });

const count = (min = 0) => {
  const error = `must be a whole number, ${min} or more`;
  return whole(z.number({ error }).min(min, { error }).max(maxCount, { error: "is too large" }), error);
};

const between = (min: number, max: number, error: string, integer = false) => {
  const number = z.number({ error }).min(min, { error }).max(max, { error });
  return integer ? whole(number, error) : number;
};

const isNumber = (value: unknown): value is number => typeof value === "number";
// The test z.iso.date() makes, without a schema parse per call (the cross-field rules run per item).
const isDayText = (value: unknown): value is string =>
  typeof value === "string" && z.regexes.date.test(value);

// Absent and null both mean unknown.
const unknownOr = <T extends z.ZodType>(schema: T) => schema.nullish();

export const signalItemSchema = z
  .strictObject(
    {
      externalId: z
        .string({ error: "must be the account's external id" })
        .trim()
        .min(1, { error: "must not be blank" })
        .max(255, { error: "must be at most 255 characters" })
        .superRefine((id, ctx) => {
          const problem = controlCharacterProblem(id);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        }),
      date: isoDay(),
      featuresUsed: unknownOr(count()),
      featuresInPlan: unknownOr(count(1)),
      adoptionPct: unknownOr(between(0, 100, "must be a percentage from 0 to 100")),
      powerUserLogins: unknownOr(count()),
      sponsorLastResponse: unknownOr(isoDay()),
      tickets30d: unknownOr(count()),
      p1P2Tickets30d: unknownOr(count()),
      invoiceDaysOverdue: unknownOr(count()),
      seatsActive: unknownOr(count()),
      seatsPurchased: unknownOr(count()),
      nps: unknownOr(between(-100, 100, "must be a whole-number NPS from -100 to 100", true)),
      csat: unknownOr(between(1, 5, "must be a CSAT from 1 to 5")),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`
          : issue.code === "invalid_type"
            ? "must be an object with externalId and date"
            : undefined,
    },
  )
  // Cross-field rules run even when a field failed, so a batch reports every problem in one go; the
  // item may then be malformed, hence the type checks.
  .superRefine(
    (item, ctx) => {
      const { featuresUsed, featuresInPlan, tickets30d, p1P2Tickets30d, sponsorLastResponse, date } = item;
      if (isNumber(featuresUsed) && isNumber(featuresInPlan) && featuresUsed > featuresInPlan)
        ctx.addIssue({
          code: "custom",
          path: ["featuresUsed"],
          message: `must not exceed featuresInPlan (${featuresUsed} used of ${featuresInPlan})`,
        });
      if (isNumber(p1P2Tickets30d) && isNumber(tickets30d) && p1P2Tickets30d > tickets30d)
        ctx.addIssue({
          code: "custom",
          path: ["p1P2Tickets30d"],
          message: `must not exceed tickets30d (${p1P2Tickets30d} P1/P2 of ${tickets30d} tickets)`,
        });
      // ISO days compare correctly as strings.
      if (isDayText(sponsorLastResponse) && isDayText(date) && sponsorLastResponse > date)
        ctx.addIssue({
          code: "custom",
          path: ["sponsorLastResponse"],
          message: `must not be after the snapshot date (${sponsorLastResponse} is after ${date})`,
        });
    },
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );

export type SignalItem = z.infer<typeof signalItemSchema>;

/**
 * `dayOf` turns an ISO day into its Date; a caller making many snapshots can pass one that hands out
 * a shared Date per day (a 100,000-row file has a few dozen distinct days).
 */
export function toSnapshot(item: SignalItem, dayOf: (isoDay: string) => Date = isoDayToDate): SignalSnapshot {
  let clearedFields = 0;
  for (let i = 0; i < signalFieldNames.length; i++) {
    if (item[signalFieldNames[i] as SignalFieldName] === null) clearedFields |= 1 << i;
  }
  return {
    date: dayOf(item.date),
    clearedFields,
    featuresUsed: item.featuresUsed ?? null,
    featuresInPlan: item.featuresInPlan ?? null,
    adoptionPct: item.adoptionPct ?? null,
    powerUserLogins: item.powerUserLogins ?? null,
    sponsorLastResponse: item.sponsorLastResponse == null ? null : dayOf(item.sponsorLastResponse),
    tickets30d: item.tickets30d ?? null,
    p1P2Tickets30d: item.p1P2Tickets30d ?? null,
    invoiceDaysOverdue: item.invoiceDaysOverdue ?? null,
    seatsActive: item.seatsActive ?? null,
    seatsPurchased: item.seatsPurchased ?? null,
    nps: item.nps ?? null,
    csat: item.csat ?? null,
  };
}

/** CSV column → item field. The JSON body of `POST /api/v1/signals` uses the field names. */
export const signalColumns = {
  external_id: "externalId",
  date: "date",
  features_used: "featuresUsed",
  features_in_plan: "featuresInPlan",
  adoption_pct: "adoptionPct",
  power_user_logins: "powerUserLogins",
  sponsor_last_response: "sponsorLastResponse",
  tickets_30d: "tickets30d",
  p1_p2_tickets_30d: "p1P2Tickets30d",
  invoice_days_overdue: "invoiceDaysOverdue",
  seats_active: "seatsActive",
  seats_purchased: "seatsPurchased",
  nps: "nps",
  csat: "csat",
} as const satisfies Record<string, keyof SignalItem>;

export type SignalColumn = keyof typeof signalColumns;

const textFields: ReadonlySet<string> = new Set<keyof SignalItem>([
  "externalId",
  "date",
  "sponsorLastResponse",
]);
const plainNumber = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A CSV record (header → cell) in the shape `signalItemSchema` reads. A blank cell is absent (unknown);
 * a number that does not parse stays a string so the schema reports it; a column we do not know keeps
 * its name so the strict schema reports it too (on rows where it has a value: a file reader that wants
 * to refuse the header itself can check it against `signalColumns`).
 */
export function csvRecordToItem(record: Record<string, string>): Record<string, unknown> {
  return csvRowReader(Object.keys(record))(Object.values(record));
}

/**
 * `csvRecordToItem` for the rows of one file: the header is read once, then each row's cells (in
 * header order) become an item.
 */
export function csvRowReader(
  headers: readonly string[],
): (cells: readonly string[]) => Record<string, unknown> {
  const fields = headers.map((header) => {
    const key = header.trim().toLowerCase();
    return key in signalColumns ? (signalColumns[key as SignalColumn] as string) : header.trim();
  });
  return (cells) => {
    const item: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      const text = (cells[i] ?? "").trim();
      if (text === "") continue;
      const field = fields[i] as string;
      item[field] = textFields.has(field) || !plainNumber.test(text) ? text : Number(text);
    }
    return item;
  };
}
