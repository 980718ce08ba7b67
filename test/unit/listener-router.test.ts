import { describe, expect, it } from "vitest";
import { namesPattern, type Route, router } from "../../src/slack/listeners/router.ts";

describe("listener router", () => {
  const called: string[] = [];
  const routes: Route<{ name: string }>[] = [
    ["/account", async ({ name }) => void called.push(`account ${name}`)],
    ["/a.b", async ({ name }) => void called.push(`dot ${name}`)],
    [/^play_claim_\d+$/, async ({ name }) => void called.push(`claim ${name}`)],
  ];

  it("gives Bolt a pattern that matches exactly the routes' names", () => {
    const pattern = namesPattern(routes);
    for (const name of ["/account", "/a.b", "play_claim_0", "play_claim_12"])
      expect(pattern.test(name)).toBe(true);
    for (const name of ["/accounts", "x/account", "/axb", "play_claim_", "play_claim_1x", "xplay_claim_1"])
      expect(pattern.test(name)).toBe(false);
  });

  it("hands each request to the handler of its name", async () => {
    const route = router(routes, (args) => args.name);
    await route({ name: "play_claim_3" });
    await route({ name: "/account" });
    await route({ name: "/a.b" });
    expect(called).toEqual(["claim play_claim_3", "account /account", "dot /a.b"]);
    await expect(route({ name: "/plays" })).rejects.toThrow("no listener for /plays");
  });

  it("refuses a pattern that could match part of a name", () => {
    expect(() => namesPattern([[/play_claim/, async () => {}]])).toThrow("must match a whole name");
    expect(() => namesPattern([[/^play$/i, async () => {}]])).toThrow("takes no flags");
    expect(() => router([[/claim$/, async () => {}]], () => "claim")).toThrow("must match a whole name");
  });

  it("matches a pattern's alternatives against the whole name, in Bolt's filter and in the handoff", async () => {
    const seen: string[] = [];
    const routes: Route<string>[] = [[/^a|b$/, async (name) => void seen.push(name)]];
    const pattern = namesPattern(routes);
    expect(["a", "b"].map((name) => pattern.test(name))).toEqual([true, true]);
    expect(["ab", "axb", "xb"].map((name) => pattern.test(name))).toEqual([false, false, false]);
    const route = router(routes, (name) => name);
    await route("b");
    await expect(route("xb")).rejects.toThrow("no listener for xb");
    expect(seen).toEqual(["b"]);
  });
});
