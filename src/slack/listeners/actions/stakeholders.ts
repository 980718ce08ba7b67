// The map's buttons: the card's Stakeholders opens the map; Add a person and Edit open the modal, which
// keeps the map's response_url so the map is redrawn once the person is saved.
import type { AppDeps } from "../../deps.ts";
import { actionHandler } from "../../handler.ts";
import { openStakeholderModal, renderStakeholderMap } from "../../surfaces/stakeholders.ts";
import {
  addStakeholderActionId,
  editStakeholderActionId,
  openStakeholdersActionId,
} from "../../views/stakeholder-map.ts";

export const stakeholdersOpenAction = openStakeholdersActionId;
export const stakeholderAddAction = addStakeholderActionId;
export const stakeholderEditAction = new RegExp(`^${editStakeholderActionId}_\\d+$`);

/** A button's value: an id the app put there, or nothing usable. */
function idOf(action: unknown): string | null {
  const value = (action as { value?: unknown }).value;
  return typeof value === "string" && value.length > 0 && value.length <= 64 ? value : null;
}

export function stakeholdersOpenHandler(deps: AppDeps) {
  return actionHandler(
    deps,
    async ({ action }) => {
      const accountId = idOf(action);
      return accountId ? renderStakeholderMap(deps, accountId) : null;
    },
    { need: "read" },
  );
}

export function stakeholderAddHandler(deps: AppDeps) {
  return actionHandler(deps, async ({ action, body, client }, caller) =>
    openStakeholderModal(deps, client, caller.user, {
      triggerId: body.trigger_id,
      accountId: idOf(action),
      stakeholderId: null,
      responseUrl: body.response_url ?? null,
    }),
  );
}

export function stakeholderEditHandler(deps: AppDeps) {
  return actionHandler(deps, async ({ action, body, client }, caller) => {
    const stakeholderId = idOf(action);
    if (!stakeholderId) return null;
    return openStakeholderModal(deps, client, caller.user, {
      triggerId: body.trigger_id,
      accountId: null,
      stakeholderId,
      responseUrl: body.response_url ?? null,
    });
  });
}
