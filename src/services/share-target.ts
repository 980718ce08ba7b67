// Whether a card may be shared into a conversation: Slack's facts about it (domain/access/sharing.ts), and
// for a direct or group message, whether the bot serves everyone in it.
import type { DataAccess } from "../db/client.ts";
import { type ConversationFacts, type ShareRefusal, shareRefusal } from "../domain/access/sharing.ts";
import { admit } from "./access.ts";
import type { AccessPolicy } from "./ports.ts";

export async function shareTargetRefusal(
  db: DataAccess,
  access: AccessPolicy,
  facts: ConversationFacts | null,
  botUserId: string | undefined,
): Promise<ShareRefusal | null> {
  const people = (facts?.members ?? []).filter((id) => id !== botUserId);
  const outsiders: string[] = [];
  for (const id of people) if (!(await admit(db, access, id)).ok) outsiders.push(id);
  return shareRefusal(facts, outsiders);
}
