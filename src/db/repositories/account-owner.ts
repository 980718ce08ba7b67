// What every write from Slack reads of an account first: its name, and its owner with their manager,
// for the write rules (domain/account-writers.ts).
export const ownedAccountSelect = {
  id: true,
  name: true,
  ownerId: true,
  owner: { select: { managerId: true, slackUserId: true, name: true } },
} as const;
