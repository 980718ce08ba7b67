// Call prep (before any call, one page readable in 90 seconds): the card's account with the
// support load its feeds last sent, read as the health model reads it (each signal's latest known value).
import { signalsBetween } from "../db/repositories/signals.ts";
import type { Db } from "../db/repositories/types.ts";
import type { AccountCardData } from "../domain/call-prep.ts";
import { currentSignals } from "../domain/health/current.ts";
import { accountCard } from "./account-lookup.ts";

export interface SupportLoad {
  tickets30d: number | null;
  p1P2Tickets30d: number | null;
  /** The day the ticket counts were sent. */
  asOf: Date | null;
}

export interface CallPrep {
  card: AccountCardData;
  /** Null when no support feed sent anything in the last month. */
  support: SupportLoad | null;
}

const dayMs = 86_400_000;
/** Ticket counts cover 30 days: an older reading says nothing about today's load. */
const supportLookbackDays = 30;

export async function callPrep(db: Db, accountId: string, today: Date): Promise<CallPrep | null> {
  const [card, snapshots] = await Promise.all([
    accountCard(db, accountId, today),
    signalsBetween(db, [accountId], new Date(today.getTime() - supportLookbackDays * dayMs), today),
  ]);
  if (!card) return null;
  const current = currentSignals(snapshots.get(accountId) ?? []);
  const tickets30d = current?.latest.tickets30d ?? null;
  const p1P2Tickets30d = current?.latest.p1P2Tickets30d ?? null;
  const support =
    current && (tickets30d !== null || p1P2Tickets30d !== null)
      ? {
          tickets30d,
          p1P2Tickets30d,
          asOf: current.asOf.tickets30d ?? current.asOf.p1P2Tickets30d ?? null,
        }
      : null;
  return { card, support };
}
