// The values Claim, Snooze and Close carry, and the block_id the Reassign menu sits in (views/play-blocks.ts
// writes them): which play, and which surface to re-render after the click. Anything else is refused,
// never trusted.
import { z } from "zod";
import { type PlaySurface, playBlockIdPrefix } from "../views/play-blocks.ts";

export const slackUserIdSchema = z.string().regex(/^[UW][A-Z0-9]{2,20}$/);
export const playIdSchema = z.string().min(1).max(64);

/** The first account of a /plays page. */
export const playsOffsetSchema = z.number().int().min(0).max(100_000);

/** Where a play was clicked, in the short keys of views/play-blocks.ts `surfaceKeys`. */
export const surfaceKeysSchema = z.object({
  s: z.enum(["plays", "account", "digest", "home"]),
  by: slackUserIdSchema.optional(),
  o: playsOffsetSchema.optional(),
});

export const playActionValueSchema = surfaceKeysSchema.extend({
  p: playIdSchema,
  d: z.number().int().positive().max(365).optional(),
});

export interface PlayActionTarget {
  playId: string;
  surface: PlaySurface;
  /** Snooze options only. */
  days?: number;
}

/** Parses a button or option value; null when it is not one of ours (or an outdated shape). */
export function parsePlayActionValue(value: string | undefined): PlayActionTarget | null {
  const parsed = playActionValueSchema.safeParse(parseJson(value));
  if (!parsed.success) return null;
  const { p, d, ...keys } = parsed.data;
  return {
    playId: p,
    surface: toSurface(keys),
    ...(d === undefined ? {} : { days: d }),
  };
}

/** The first account of the /plays page a paging button shows; null when the value is not one of ours. */
export function parsePlaysPageValue(value: string | undefined): number | null {
  if (!value || !/^\d{1,6}$/.test(value)) return null;
  const offset = playsOffsetSchema.safeParse(Number(value));
  return offset.success ? offset.data : null;
}

/** The Reassign menu's play, from its actions block's id; null when it is not one of ours. */
export function parsePlayBlockId(blockId: string | undefined): PlayActionTarget | null {
  if (!blockId?.startsWith(playBlockIdPrefix)) return null;
  const target = parsePlayActionValue(blockId.slice(playBlockIdPrefix.length));
  return target && target.days === undefined ? target : null;
}

export function toSurface({ s, by, o }: z.output<typeof surfaceKeysSchema>): PlaySurface {
  if (s === "plays") return o ? { kind: s, offset: o } : { kind: s };
  if (s === "digest" || s === "home") return { kind: s };
  return by ? { kind: s, sharedBy: by } : { kind: s };
}

export function parseJson(text: string | undefined): unknown {
  if (!text || text.length > 3000) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
