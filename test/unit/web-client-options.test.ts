import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { socketModeClientOptions, webClientOptions } from "../../src/slack/web/client-options.ts";

describe("Web API client options", () => {
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-123-456-abc",
    SLACK_APP_TOKEN: "xapp-1-A1-2-abc",
    SLACK_API_URL: "https://slack-proxy.example.com/api/",
  });
  const logger = createLogger({ level: "error", write: () => {} });

  it("send every call to SLACK_API_URL, with a bounded retry policy for the app's own calls", () => {
    const options = webClientOptions(config, logger);
    expect(options.slackApiUrl).toBe("https://slack-proxy.example.com/api/");
    expect(options.retryConfig?.retries).toBe(5);
  });

  it("leave Socket Mode's reconnecting client its own retry policy, and the same API URL", () => {
    const options = socketModeClientOptions(config, logger);
    expect(options.slackApiUrl).toBe("https://slack-proxy.example.com/api/");
    expect(options).not.toHaveProperty("retryConfig");
  });
});
