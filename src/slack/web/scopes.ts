// The OAuth bot scopes the app asks for, each with the code that needs it. manifest.json must list
// exactly these (a test checks), and README.md explains them to the Slack admin.
export const botScopes: Record<string, string> = {
  "chat:write":
    "chat.postMessage: digests and reminders in a CSM's digest channel or direct message (slack/web/notifier.ts); the message to the person a play is reassigned to (slack/surfaces/play-handover.ts)",
  "chat:write.public":
    "chat.postMessage in a public digest channel the bot was never added to, without joining it (slack/web/notifier.ts)",
  commands:
    "registers the slash commands (slack/listeners/commands/index.ts) and the Log as touch message shortcut",
  "users:read":
    "users.info: a CSM's name and time zone, so digests and reminders fire in their morning; whether whoever asks, or is picked in Reassign, is a guest, from another organisation, a bot or deactivated (slack/web/access-policy.ts)",
  "channels:read":
    "conversations.info: Share in channel refuses a public channel shared with another organisation (Slack Connect) (slack/web/conversations.ts)",
  "groups:read": "conversations.info: the same check for a private channel (slack/web/conversations.ts)",
  "im:read":
    "conversations.info: who is in a direct message a card would be shared into (slack/web/conversations.ts)",
  "mpim:read":
    "conversations.info and conversations.members: who is in a group message a card would be shared into (slack/web/conversations.ts)",
  "files:write":
    "files.uploadV2 (files.getUploadURLExternal, files.completeUploadExternal): the portfolio chart, a picture, in the person's direct message with the bot (slack/surfaces/portfolio-chart.ts)",
  "im:write":
    "conversations.open: the id of the bot's direct message with a person, which a file upload needs where a message takes the user id (slack/surfaces/portfolio-chart.ts)",
  "users:read.email":
    "users.lookupByEmail: CRM exports name account owners by email; the import maps them to Slack users",
};
