import { describe, expect, it } from "vitest";
import { heapTuningFor } from "../../src/heap-tuning.ts";

describe("the bot's heap tuning", () => {
  it("keeps the heap small next to the embedded engine, and favours throughput on PostgreSQL", () => {
    expect(heapTuningFor({ kind: "pglite", dataDir: "./data" })).toBe("size");
    expect(heapTuningFor({ kind: "pglite", dataDir: null })).toBe("size");
    expect(heapTuningFor({ kind: "postgres", url: "postgresql://localhost/csm" })).toBe("throughput");
  });
});
