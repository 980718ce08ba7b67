// The touch modal's server-searched menus: accounts, by the same typo-tolerant search as /account; the
// people on the chosen account's map, filtered by what was typed.
import type { AllMiddlewareArgs, BlockSuggestion, SlackOptionsMiddlewareArgs } from "@slack/bolt";
import { suggestAccounts } from "../../../services/account-lookup.ts";
import { touchAccount } from "../../../services/touches.ts";
import type { AppDeps } from "../../deps.ts";
import { accountOption, touchInputs } from "../../views/touch-modal.ts";
import { inertText } from "../../views/wording.ts";

type OptionsArgs = AllMiddlewareArgs & SlackOptionsMiddlewareArgs<"block_suggestion">;
const maxOptions = 100;

export const touchAccountSuggestion = touchInputs.account;
export const touchStakeholderSuggestion = touchInputs.stakeholders;

export function touchAccountOptionsHandler(deps: AppDeps) {
  return async ({ ack, payload }: OptionsArgs) => {
    try {
      const accounts = await suggestAccounts(deps.db.client, payload.value);
      await ack({ options: accounts.slice(0, maxOptions).map(accountOption) });
    } catch (error) {
      deps.logger.error("could not suggest accounts", error);
      await ack({ options: [] });
    }
  };
}

type ViewState = {
  state?: { values?: Record<string, Record<string, { selected_option?: { value?: string } | null }>> };
};

/** The account picked in the same modal: a menu's suggestion request carries the view and its state. */
function pickedAccount(payload: BlockSuggestion): string | null {
  const values = (payload.view as ViewState | undefined)?.state?.values;
  return values?.[touchInputs.account]?.[touchInputs.account]?.selected_option?.value ?? null;
}

export function touchStakeholderOptionsHandler(deps: AppDeps) {
  return async ({ ack, payload }: OptionsArgs) => {
    try {
      const accountId = pickedAccount(payload);
      const account = accountId ? await touchAccount(deps.db.client, accountId) : null;
      const typed = payload.value.trim().toLowerCase();
      const people = (account?.stakeholders ?? []).filter((person) =>
        person.name.toLowerCase().includes(typed),
      );
      await ack({
        options: people.slice(0, maxOptions).map((person) => ({
          text: {
            type: "plain_text" as const,
            text: inertText(`${person.name}${person.title ? `, ${person.title}` : ""}`, 75),
          },
          value: person.id,
        })),
      });
    } catch (error) {
      deps.logger.error("could not suggest stakeholders", error);
      await ack({ options: [] });
    }
  };
}
