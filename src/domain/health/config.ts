// The team's health-score weights and thresholds. Every setting has a default that follows docs/health-model.md
// ("The health score: six signals"), so a team's file holds only what it changes.
import { z } from "zod";
import { renewalWindowDays } from "../lifecycle.ts";
import {
  bandScore,
  claimDays,
  days,
  defaultClaimDeadlineDays,
  npsPoints,
  percent,
  playKindKey,
  segmentSupport,
  signalCount,
  staleAfter,
  tickets,
  weight,
  wholeNumber,
} from "./config-values.ts";

export const subScoreNames = ["adoption", "loginTrend", "sponsor", "support", "payment", "renewal"] as const;
export type SubScoreName = (typeof subScoreNames)[number];
export type SignalSubScoreName = Exclude<SubScoreName, "renewal">;

/** A group of settings: unknown keys are typos worth reporting; missing ones take their defaults. */
const group = <Shape extends z.ZodRawShape>(shape: Shape) => {
  const settings = z.strictObject(shape);
  // Every setting in a group has a default, so {} is a valid input; TypeScript cannot see that generically.
  return settings.prefault({} as z.input<typeof settings>);
};

export const healthConfigSchema = group({
  /** Relative weights; the composite re-normalizes them over the sub-scores that are known. */
  weights: group({
    adoption: weight.default(25),
    loginTrend: weight.default(25),
    sponsor: weight.default(20),
    support: weight.default(15),
    payment: weight.default(10),
    // Small on purpose: time to renewal changes which play applies more than how healthy the account is.
    renewal: weight.default(5),
  }),
  thresholds: group({
    adoption: group({
      /** Share of the plan's features used weekly: red below, green from. */
      redBelowPct: percent.default(40),
      greenFromPct: percent.default(70),
    }),
    loginTrend: group({
      /** Power-user logins, drop against the week before. */
      yellowDropAbovePct: percent.default(20),
      redDropAbovePct: percent.default(50),
    }),
    sponsor: group({
      /** Days since the executive sponsor last responded. */
      yellowDarkAboveDays: days.default(30),
      redDarkAboveDays: days.default(45),
    }),
    support: group({
      /**
       * P1/P2 tickets weigh through their own, much lower thresholds: the support sub-score is the lower
       * of the P1/P2 reading and the total-volume reading, so two P1/P2 tickets make support red where it
       * takes 26 tickets of any severity.
       */
      p1P2YellowAt: tickets(1).default(1),
      p1P2RedAt: tickets(1).default(2),
      ticketsYellowAbove: tickets(0).default(10),
      ticketsRedAbove: tickets(0).default(25),
      /**
       * Per segment: an enterprise account with thousands of users files more tickets, and two P1/P2
       * tickets there are a normal month, where at an SMB customer they are an outage.
       */
      bySegment: group({
        enterprise: segmentSupport.default({
          p1P2YellowAt: 2,
          p1P2RedAt: 4,
          ticketsYellowAbove: 25,
          ticketsRedAbove: 60,
        }),
        mid_market: segmentSupport.default({}),
        smb: segmentSupport.default({ ticketsYellowAbove: 5, ticketsRedAbove: 12 }),
      }),
    }),
    payment: group({
      /** Days the oldest open invoice is overdue: yellow from the first day, red after 30. */
      yellowOverdueAboveDays: days.default(0),
      redOverdueAboveDays: days.default(30),
      /** The billing play opens past this many days overdue; the sub-score turns yellow before. */
      playAfterDaysOverdue: days.default(15),
    }),
    nps: group({
      /** An NPS at or below this (a detractor's 0-6) opens the recovery play. */
      detractorAtOrBelow: npsPoints.default(6),
      /** So does a drop of at least this many points from the NPS known before. */
      dropAtLeast: wholeNumber("must be a whole number of points from 1 to 200", 1, 200).default(30),
    }),
    renewal: group({
      /** Days to the renewal date: yellow inside T-90 (the renewal lock date), red inside T-30. */
      yellowWithinDays: days.default(renewalWindowDays),
      redWithinDays: days.default(30),
    }),
  }),
  freshness: group({
    /** Days after which a signal is stale: shown, but not counted among the fresh signals a band needs. */
    staleAfterDays: group({
      adoption: staleAfter.default(7),
      loginTrend: staleAfter.default(7),
      sponsor: staleAfter.default(7),
      support: staleAfter.default(7),
      payment: staleAfter.default(7),
    }),
    /** Fresh, known signal sub-scores (of five) an account needs for a band; fewer is "not enough data". */
    minimumFreshSignals: signalCount.default(3),
  }),
  /** Composite and sub-scores alike: green from `greenFrom`, yellow from `yellowFrom`, red below. */
  bands: group({
    greenFrom: bandScore.default(70),
    yellowFrom: bandScore.default(40),
  }),
  /**
   * Red readings of these signals cap the composite however good the rest is: one red holds it below
   * green (one red leading indicator, the strongest of them, a login drop over 50%, is something
   * to look at this week), two or more hold it in red (a weighted mean would let healthy payment and
   * support hide them). Renewal is left out by default: its closeness calls for the renewal play, not alarm.
   */
  redCapsBand: z
    .array(z.enum(subScoreNames, { error: `must be one of ${subScoreNames.join(", ")}` }), {
      error: "must be a list of sub-score names",
    })
    .default(["adoption", "loginTrend", "sponsor", "support", "payment"]),
  /** How long a play may be worked before it is late (domain/plays/deadlines.ts). */
  plays: group({
    /**
     * Days a play may be worked once claimed, by kind; kinds not named here take
     * `defaultClaimDeadlineDays`. A team's file names only the kinds it changes; the rest keep these.
     */
    claimDeadlineDays: z
      .record(playKindKey, claimDays, {
        error: (issue) =>
          issue.code === "invalid_key"
            ? "is not a play kind: lower case and underscores (save, billing_check…)"
            : "must be an object of play kind → days",
      })
      .default({})
      .transform((given) => ({ ...defaultClaimDeadlineDays, ...given })),
    defaultClaimDeadlineDays: claimDays.default(7),
    /** A snoozed play is due this many hours after it wakes: time to pick it up again. */
    wakeDueHours: wholeNumber("must be a whole number of hours, 0 or more", 0).default(24),
  }),
}).superRefine(
  (config, ctx) => {
    const below = (path: string[], value: number, otherName: string, other: number) => {
      if (value >= other)
        ctx.addIssue({
          code: "custom",
          path,
          message: `must be below ${otherName} (${value} is not below ${other})`,
        });
    };
    const { adoption, loginTrend, sponsor, support, payment, renewal } = config.thresholds;
    const at = (...path: string[]) => ["thresholds", ...path];
    below(at("adoption", "redBelowPct"), adoption.redBelowPct, "greenFromPct", adoption.greenFromPct);
    below(
      at("loginTrend", "yellowDropAbovePct"),
      loginTrend.yellowDropAbovePct,
      "redDropAbovePct",
      loginTrend.redDropAbovePct,
    );
    below(
      at("sponsor", "yellowDarkAboveDays"),
      sponsor.yellowDarkAboveDays,
      "redDarkAboveDays",
      sponsor.redDarkAboveDays,
    );
    below(at("support", "p1P2YellowAt"), support.p1P2YellowAt, "p1P2RedAt", support.p1P2RedAt);
    below(
      at("support", "ticketsYellowAbove"),
      support.ticketsYellowAbove,
      "ticketsRedAbove",
      support.ticketsRedAbove,
    );
    below(
      at("payment", "yellowOverdueAboveDays"),
      payment.yellowOverdueAboveDays,
      "redOverdueAboveDays",
      payment.redOverdueAboveDays,
    );
    below(
      at("renewal", "redWithinDays"),
      renewal.redWithinDays,
      "yellowWithinDays",
      renewal.yellowWithinDays,
    );
    // A segment's pair is checked where the segment sets one of it; otherwise it is the team-wide pair.
    for (const segment of segments) {
      const own = support.bySegment[segment] ?? {};
      const merged = supportThresholds(config, segment);
      const where = (key: string) => at("support", "bySegment", segment, key);
      if (own.p1P2YellowAt !== undefined || own.p1P2RedAt !== undefined)
        below(where("p1P2YellowAt"), merged.p1P2YellowAt, "p1P2RedAt", merged.p1P2RedAt);
      if (own.ticketsYellowAbove !== undefined || own.ticketsRedAbove !== undefined)
        below(
          where("ticketsYellowAbove"),
          merged.ticketsYellowAbove,
          "ticketsRedAbove",
          merged.ticketsRedAbove,
        );
    }
    below(["bands", "yellowFrom"], config.bands.yellowFrom, "greenFrom", config.bands.greenFrom);
    if (subScoreNames.every((name) => config.weights[name] === 0))
      ctx.addIssue({ code: "custom", path: ["weights"], message: "at least one weight must be above 0" });
  },
  // Compare settings only once each is valid on its own: "140 is not below 70" adds nothing to "must be
  // a percentage from 0 to 100".
  { when: (payload) => payload.issues.length === 0 },
);

export type HealthConfig = z.output<typeof healthConfigSchema>;

const segments = ["enterprise", "mid_market", "smb"] as const;
export type SupportSegment = (typeof segments)[number];
type SupportThresholds = Omit<HealthConfig["thresholds"]["support"], "bySegment">;

/** The support thresholds for an account of `segment`: the segment's own, else the team-wide ones. */
export function supportThresholds(
  config: Pick<HealthConfig, "thresholds">,
  segment: string | null | undefined,
): SupportThresholds {
  const { bySegment, ...teamWide } = config.thresholds.support;
  const own = segment && Object.hasOwn(bySegment, segment) ? bySegment[segment as SupportSegment] : undefined;
  return {
    p1P2YellowAt: own?.p1P2YellowAt ?? teamWide.p1P2YellowAt,
    p1P2RedAt: own?.p1P2RedAt ?? teamWide.p1P2RedAt,
    ticketsYellowAbove: own?.ticketsYellowAbove ?? teamWide.ticketsYellowAbove,
    ticketsRedAbove: own?.ticketsRedAbove ?? teamWide.ticketsRedAbove,
  };
}

export const defaultHealthConfig: HealthConfig = healthConfigSchema.parse({});

export type HealthConfigParse = { ok: true; config: HealthConfig } | { ok: false; problems: string[] };

/** Problems read "thresholds.adoption.redBelowPct: must be below greenFromPct (70 is not below 60)". */
export function parseHealthConfig(input: unknown): HealthConfigParse {
  const parsed = healthConfigSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: parsed.error.issues.flatMap(describeIssue) };
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  const where = issue.path.map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`)).join("");
  const path = where.replace(/^\./, "");
  if (issue.code === "unrecognized_keys")
    return issue.keys.map((key) => `${path ? `${path}.` : ""}${key}: unknown setting`);
  if (issue.code === "invalid_type" && issue.expected === "object")
    return [`${path || "health config"}: must be an object of settings`];
  return [`${path || "health config"}: ${issue.message}`];
}
