// Commands that name an account (/stakeholders, /prep, /qbr): the account found answers with its page; a name
// that fits several, none or nothing answers as /account does.
import { lookupAccount } from "../../services/account-lookup.ts";
import type { AppDeps } from "../deps.ts";
import { accountPickList, accountQueryProblem, noAccountFound } from "../views/account-search-replies.ts";
import type { MessagePayload } from "../views/blocks.ts";

export async function replyForAccount<T extends MessagePayload | null>(
  deps: AppDeps,
  text: string,
  render: (accountId: string) => Promise<T>,
): Promise<T | MessagePayload> {
  const found = await lookupAccount(deps.db.client, text, deps.clock());
  switch (found.kind) {
    case "card":
      return render(found.card.account.id);
    case "choices":
      return accountPickList(text.trim(), found.matches, found.correctedQuery);
    case "none":
      return noAccountFound(text.trim(), found.closest);
    case "problem":
      return accountQueryProblem(found.problem);
  }
}
