// The baseline for /account: a Bolt app in a process of its own that only acks the command.
import { App, LogLevel } from "@slack/bolt";

const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET as string,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
app.command("/account", async ({ ack }) => {
  await ack();
});
await app.start(Number(process.env.PORT));
process.on("SIGTERM", () => void app.stop().then(() => process.exit(0)));
