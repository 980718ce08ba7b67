import { describe, expect, it } from "vitest";
import { inFlightWork } from "../../src/in-flight.ts";

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe("work in flight", () => {
  it("is waited for, work it starts included, and a failure stays the caller's", async () => {
    const inFlight = inFlightWork();
    const failing = inFlight.track(Promise.reject(new Error("listener failed")));
    await expect(failing).rejects.toThrow("listener failed");
    void inFlight.track(later(20, "ack").then(() => inFlight.track(later(20, "follow-up"))));
    expect(inFlight.count).toBe(1);
    expect(await inFlight.settled(5_000)).toBe(true);
    expect(inFlight.count).toBe(0);
  });

  it("is given up on after the grace period", async () => {
    const inFlight = inFlightWork();
    void inFlight.track(later(5_000, "slow"));
    expect(await inFlight.settled(20)).toBe(false);
    expect(inFlight.count).toBe(1);
  });
});
