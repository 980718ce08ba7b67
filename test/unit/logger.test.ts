import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";

describe("the logger", () => {
  const lines: string[] = [];
  const logger = createLogger({
    level: "debug",
    secrets: ["s3cret-value"],
    write: (line) => lines.push(line),
  });

  it("prints objects whole, and never [object Object]", () => {
    logger.debug("ack() call begins (body: [object Object])");
    logger.debug("listener failed", { ref: "abc123", nested: { token: "s3cret-value" } });
    expect(lines.join("\n")).not.toContain("[object Object]");
    expect(lines[0]).toMatch(/DEBUG .*ack\(\) call begins \(body: \{…\}\)$/);
    expect(lines[1]).toMatch(/listener failed \{ ref: 'abc123', nested: \{ token: \[redacted\] \} \}/);
  });
});
