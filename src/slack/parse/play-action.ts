// The values Claim, Snooze and Close carry, and the block_id the Reassign menu sits in (views/play-blocks.ts
// writes them): which play, and which surface to re-render after the click. Anything else is refused,
// never trusted.
import { z } from "zod";
import { type PlaySurface, playBlockIdPrefix } from "../views/play-blocks.ts";

export const slackUserIdSchema = z.string().regex(/^[UW][A-Z0-9]{2,20}$/);
export const playIdSchema = z.string().min(1).max(64);

export const playActionValueSchema = z.object({
  p: playIdSchema,
  s: z.enum(["plays", "account"]),
  by: slackUserIdSchema.optional(),
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
  const { p, s, by, d } = parsed.data;
  return {
    playId: p,
    surface: toSurface(s, by),
    ...(d === undefined ? {} : { days: d }),
  };
}

/** The Reassign menu's play, from its actions block's id; null when it is not one of ours. */
export function parsePlayBlockId(blockId: string | undefined): PlayActionTarget | null {
  if (!blockId?.startsWith(playBlockIdPrefix)) return null;
  const target = parsePlayActionValue(blockId.slice(playBlockIdPrefix.length));
  return target && target.days === undefined ? target : null;
}

export function toSurface(kind: "plays" | "account", sharedBy: string | undefined): PlaySurface {
  if (kind === "plays") return { kind };
  return sharedBy ? { kind, sharedBy } : { kind };
}

export function parseJson(text: string | undefined): unknown {
  if (!text || text.length > 3000) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
