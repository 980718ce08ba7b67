// The order a morning's digests are built in: the busiest channel's first message first, each message
// where its channel will need it, direct messages last.
import { describe, expect, it } from "vitest";
import { sendOrder } from "../../src/domain/digest/send-order.ts";

describe("the send order", () => {
  it("puts each message where its channel needs it, the busiest channel setting the pace", () => {
    const due = ["dm1", "a1", "b1", "a2", "dm2", "a3", "b2"].map((name) => ({
      name,
      channel: name.startsWith("dm") ? name : (name[0] as string),
    }));
    const order = sendOrder(due, (item) => item.channel).map((item) => item.name);
    // a has 3 (k - n: -3, -2, -1), b has 2 (-2, -1), each DM 1 (-1).
    expect(order).toEqual(["a1", "a2", "b1", "a3", "b2", "dm1", "dm2"]);
  });

  it("keeps everyone, and an empty run empty", () => {
    expect(sendOrder([], () => "x")).toEqual([]);
    expect(sendOrder([1, 2, 3], () => "same")).toEqual([1, 2, 3]);
  });
});
