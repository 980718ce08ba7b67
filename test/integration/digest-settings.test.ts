// A CSM sets their own digest from the App Home: the button, the modal, a refused value, the save.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ModalView } from "../../src/slack/views/blocks.ts";
import { expectWithinSlackLimits } from "../helpers/block-kit.ts";
import { testEngine } from "../helpers/database.ts";
import { anAccount, aUser } from "../helpers/factories.ts";
import { type RunningApp, startRunningApp } from "../helpers/running-app.ts";

describe(`digest settings from the App Home on ${testEngine}`, () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startRunningApp({ now: new Date("2026-12-07T09:00:00Z") });
    running.slack.addUser({ id: "UMARIA001", tz: "Europe/Paris", realName: "Maria Lopez" });
    const maria = await aUser(running.db.prisma, { slackUserId: "UMARIA001", timeZone: "Europe/Paris" });
    await anAccount(running.db.prisma, { name: "Acme Corporation", ownerId: maria.id });
  });
  afterAll(async () => running?.stop());

  const lastHome = () => JSON.stringify(running.slack.callsTo("views.publish").at(-1)?.args.view);

  async function openModal(): Promise<ModalView> {
    await running.requests.event({
      type: "app_home_opened",
      user: "UMARIA001",
      tab: "home",
      channel: "D0HOME001",
    });
    await running.slack.waitFor("views.publish");
    expect(lastHome()).toContain(
      "Your digest: 08:30 Europe/Paris, Mon, Tue, Wed, Thu, Fri, as a direct message",
    );
    await running.requests.blockAction({
      userId: "UMARIA001",
      actionId: "digest_settings_open",
      value: "open",
      container: { type: "view", view_id: "VHOME0001" },
    });
    const call = await running.slack.waitFor("views.open");
    const view = call.args.view as ModalView;
    expectWithinSlackLimits(view, "modal");
    return view;
  }

  const values = (form: {
    time?: string;
    days?: string[];
    channel?: string | null;
    tz?: string;
    pause?: string | null;
  }) => ({
    time: { time: { type: "timepicker", selected_time: form.time ?? "08:30" } },
    days: {
      days: {
        type: "checkboxes",
        selected_options: (form.days ?? ["mon", "tue", "wed", "thu", "fri"]).map((value) => ({ value })),
      },
    },
    channel: { channel: { type: "conversations_select", selected_conversation: form.channel ?? null } },
    time_zone: { time_zone: { type: "plain_text_input", value: form.tz ?? null } },
    pause_until: { pause_until: { type: "datepicker", selected_date: form.pause ?? null } },
  });

  it("opens the modal from the App Home with the current settings", async () => {
    const view = await openModal();
    expect(view.callback_id).toBe("digest_settings");
    expect(JSON.stringify(view.blocks)).toContain('"initial_time":"08:30"');
  });

  it("refuses a time zone it does not know and no days, next to the field, and saves nothing", async () => {
    const reply = await running.requests.viewSubmission({
      userId: "UMARIA001",
      callbackId: "digest_settings",
      values: values({ tz: "Paris" }),
    });
    expect(reply.json).toMatchObject({
      response_action: "errors",
      errors: {
        time_zone: '"Paris" is no time zone: use one like Europe/Paris, or slack to follow the Slack profile',
      },
    });
    const noDays = await running.requests.viewSubmission({
      userId: "UMARIA001",
      callbackId: "digest_settings",
      values: values({ days: [] }),
    });
    expect(noDays.json).toMatchObject({ errors: { days: "Pick at least one day." } });
    expect(await running.db.prisma.auditLog.count({ where: { action: "user.digest_settings" } })).toBe(0);
  });

  it("saves the person's own settings with an audit row, and the App Home shows them", async () => {
    const reply = await running.requests.viewSubmission({
      userId: "UMARIA001",
      callbackId: "digest_settings",
      values: values({
        time: "07:45",
        days: ["mon", "wed", "fri"],
        channel: "C0DIGEST1",
        tz: "Asia/Tokyo",
        pause: "2026-12-24",
      }),
    });
    expect(reply.status).toBe(200);
    expect(
      await running.db.prisma.user.findUniqueOrThrow({ where: { slackUserId: "UMARIA001" } }),
    ).toMatchObject({
      digestTime: "07:45",
      digestDays: [1, 3, 5],
      digestChannelId: "C0DIGEST1",
      timeZoneOverride: "Asia/Tokyo",
      digestPausedUntil: new Date("2026-12-24T00:00:00Z"),
    });
    const audit = await running.db.prisma.auditLog.findFirstOrThrow({
      where: { action: "user.digest_settings" },
    });
    expect(audit.actorLabel).toBe("UMARIA001");
    await running.slack.waitFor("views.publish", (call) => JSON.stringify(call.args).includes("07:45"));
    expect(lastHome()).toContain(
      "Your digest: 07:45 Asia/Tokyo, Mon, Wed, Fri, in <#C0DIGEST1> · paused until 2026-12-24",
    );
    expect(lastHome()).toContain("Digest settings saved.");
  });
});
