// The environment, validated once at start-up. The one place that reads process.env.
import { existsSync } from "node:fs";
import { z } from "zod";
import type { DatabaseTarget } from "./db/client.ts";

const optional = (schema: z.ZodString) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    schema.optional(),
  );

const baseSchema = z.object({
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-\S+$/, "a bot token starting with xoxb-")),
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-\S+$/, "an app-level token starting with xapp-")),
  SLACK_SIGNING_SECRET: optional(z.string().min(8, "the app's signing secret (Basic Information page)")),
  PORT: z.preprocess(
    (value) => (value === undefined || value === "" ? undefined : value),
    z.coerce
      .number({ message: "a port number between 1 and 65535" })
      .int("a port number between 1 and 65535")
      .min(1, "a port number between 1 and 65535")
      .max(65535, "a port number between 1 and 65535")
      .default(3000),
  ),
  SLACK_API_URL: optional(z.string().url("an http(s) URL such as https://slack.com/api/")),
  DATABASE_URL: optional(
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\/\S+$/,
        "a postgres:// or postgresql:// URL (leave unset for the embedded database)",
      ),
  ),
  DATA_DIR: optional(z.string()),
  LOG_LEVEL: z.preprocess(
    (value) => (value === "" ? undefined : typeof value === "string" ? value.toLowerCase() : value),
    z
      .enum(["debug", "info", "warn", "error"], { message: "one of debug, info, warn, error" })
      .default("info"),
  ),
  INGEST_TOKEN: optional(z.string().min(16, "a bearer token of at least 16 characters")),
  INGEST_TOKEN_PREVIOUS: optional(z.string().min(16, "a bearer token of at least 16 characters")),
  ACCESS: z.preprocess(
    (value) => (value === "" ? undefined : typeof value === "string" ? value.toLowerCase() : value),
    z.enum(["team", "workspace"], { message: "team (the default) or workspace" }).default("team"),
  ),
});

export type Env = z.infer<typeof baseSchema>;

export interface Config {
  slack: {
    botToken: string | undefined;
    appToken: string | undefined;
    signingSecret: string | undefined;
    apiUrl: string | undefined;
  };
  port: number;
  database: DatabaseTarget;
  logLevel: "debug" | "info" | "warn" | "error";
  /**
   * The bearer tokens POST /api/v1/signals accepts: INGEST_TOKEN and, during a rotation,
   * INGEST_TOKEN_PREVIOUS. Empty when INGEST_TOKEN is unset (the route is off).
   */
  ingestTokens: string[];
  /** Who may use the bot: the team, or every full member of the workspace (domain/access/admission.ts). */
  access: "team" | "workspace";
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Configuration error:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export type ConfigNeeds = "bot" | "cli";

/**
 * Reads the configuration. `bot` needs Slack credentials; `cli` only needs the database
 * (a bot token, when present, lets the CLI resolve owners through Slack).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, needs: ConfigNeeds = "bot"): Config {
  const parsed = baseSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        // Never echo the received value: it may be a secret.
        return `${name}: expected ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (needs === "bot") {
    if (!e.SLACK_BOT_TOKEN)
      problems.push("SLACK_BOT_TOKEN: required; the bot token (xoxb-...) from OAuth & Permissions");
    if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      problems.push(
        "SLACK_SIGNING_SECRET: required in HTTP mode (set SLACK_APP_TOKEN=xapp-... for Socket Mode instead)",
      );
    }
  }
  if (e.INGEST_TOKEN_PREVIOUS && !e.INGEST_TOKEN)
    problems.push("INGEST_TOKEN_PREVIOUS: set only during a rotation, beside the new INGEST_TOKEN");
  if (problems.length) throw new ConfigError(problems);
  return {
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      apiUrl: e.SLACK_API_URL ? e.SLACK_API_URL.replace(/\/?$/, "/") : undefined,
    },
    port: e.PORT,
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "pglite", dataDir: e.DATA_DIR ?? "./data" },
    logLevel: e.LOG_LEVEL,
    ingestTokens: e.INGEST_TOKEN
      ? [e.INGEST_TOKEN, e.INGEST_TOKEN_PREVIOUS].filter((t) => t !== undefined)
      : [],
    access: e.ACCESS,
  };
}

/** Loads ./.env into process.env when it exists; variables already set in the environment win. */
export function loadDotEnv(file = ".env"): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Every secret in the configuration, for the logger to mask. */
export function configSecrets(config: Config): string[] {
  const { botToken, appToken, signingSecret } = config.slack;
  return [botToken, appToken, signingSecret, ...config.ingestTokens].filter((s): s is string => Boolean(s));
}
