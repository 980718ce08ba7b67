// How account names are searched: one normalization for what we store (Account.searchName) and for
// what a CSM types, so "ZÜRICH précision" and "zurich precision" meet. The database ranks with
// pg_trgm on the normalized text; this module only decides what text goes in.

import { controlCharacterProblem } from "./input-rules.ts";

export const maxQueryLength = 100;

export type AccountQueryProblem = "empty" | "too_long" | "unsupported" | "control_character";

/** Lower case, accents removed, punctuation as spaces, single spaces. */
export function searchKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export type AccountQuery =
  | { ok: true; key: string; raw: string }
  | { ok: false; problem: AccountQueryProblem };

/** Reads what follows `/account`. Mentions, channel links and bare markup are not account names. */
export function parseAccountQuery(text: string | undefined): AccountQuery {
  const raw = (text ?? "").trim();
  if (!raw) return { ok: false, problem: "empty" };
  if (raw.length > maxQueryLength) return { ok: false, problem: "too_long" };
  if (controlCharacterProblem(raw, "free")) return { ok: false, problem: "control_character" };
  if (/<[@#!][^>]*>/.test(raw)) return { ok: false, problem: "unsupported" };
  const key = searchKey(raw);
  if (!key) return { ok: false, problem: "unsupported" };
  return { ok: true, key, raw };
}

/**
 * The first text after every text that starts with `prefix`, in byte order: `prefix` with its last
 * character's code point raised by one. Null when that would not be a character (a surrogate).
 */
export function prefixUpperBound(prefix: string): string | null {
  const chars = [...prefix];
  const last = chars.pop()?.codePointAt(0);
  if (last === undefined || (last >= 0xd7ff && last < 0xe000) || last >= 0x10ffff) return null;
  return chars.join("") + String.fromCodePoint(last + 1);
}
