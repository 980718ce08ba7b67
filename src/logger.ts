// A leveled logger that Bolt accepts (its Logger interface) and that never prints a secret:
// Slack tokens, bearer tokens and signing secrets are masked in every line.
import { format } from "node:util";

export type LogLevelName = "debug" | "info" | "warn" | "error";
const order: Record<LogLevelName, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const secretPatterns: RegExp[] = [
  /\bxox[abposr]-[A-Za-z0-9-]+/g,
  /\bxapp-[A-Za-z0-9-]+/g,
  /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi,
  /("?(?:token|secret|signing_secret|authorization)"?\s*[:=]\s*"?)[^"\s,}]+/gi,
];

export function redact(text: string, extraSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of extraSecrets)
    if (secret && secret.length >= 6) out = out.split(secret).join("[redacted]");
  for (const pattern of secretPatterns) {
    out = out.replace(pattern, (match, prefix?: string) =>
      typeof prefix === "string" && match.startsWith(prefix) ? `${prefix}[redacted]` : "[redacted]",
    );
  }
  return out;
}

export interface Logger {
  debug(...msg: unknown[]): void;
  info(...msg: unknown[]): void;
  warn(...msg: unknown[]): void;
  error(...msg: unknown[]): void;
  setLevel(level: string): void;
  getLevel(): LogLevelName;
  setName(name: string): void;
}

/**
 * Objects passed as arguments are printed whole (util.format). Bolt's receiver builds some debug
 * messages with an object inside a template string (`ack() call begins (body: ${body})`), which
 * arrive here as "[object Object]": the object is gone by then, and the line says so plainly.
 */
export function createLogger(options: {
  level?: LogLevelName;
  name?: string;
  secrets?: readonly string[];
  write?: (line: string) => void;
}): Logger {
  let level: LogLevelName = options.level ?? "info";
  let name = options.name ?? "csm-bot";
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const emit = (at: LogLevelName, msg: unknown[]) => {
    if (order[at] < order[level]) return;
    const text = redact(format(...msg), options.secrets).replaceAll("[object Object]", "{…}");
    write(`${new Date().toISOString()} ${at.toUpperCase().padEnd(5)} [${name}] ${text}`);
  };
  return {
    debug: (...msg) => emit("debug", msg),
    info: (...msg) => emit("info", msg),
    warn: (...msg) => emit("warn", msg),
    error: (...msg) => emit("error", msg),
    setLevel(next) {
      const lower = String(next).toLowerCase();
      if (lower in order) level = lower as LogLevelName;
    },
    getLevel: () => level,
    setName(next) {
      name = next;
    },
  };
}
