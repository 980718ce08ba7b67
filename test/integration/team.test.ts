import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureRegistered } from "../../src/services/team.ts";
import { createTestDatabase, type TestDatabase, testEngine } from "../helpers/database.ts";

describe(`putting callers on the team on ${testEngine}`, () => {
  let first: TestDatabase;
  let second: TestDatabase;
  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => Promise.all([first?.destroy(), second?.destroy()]));

  it("registers a caller once per database, as a CSM, however often they ask", async () => {
    await ensureRegistered(first.prisma, null, "UTEAM00001");
    await ensureRegistered(first.prisma, null, "UTEAM00001");
    expect(await first.prisma.user.findMany({ where: { slackUserId: "UTEAM00001" } })).toMatchObject([
      { role: "csm" },
    ]);
    // The process remembers whom it registered per database, not once for all of them.
    await ensureRegistered(second.prisma, null, "UTEAM00001");
    expect(await second.prisma.user.count({ where: { slackUserId: "UTEAM00001" } })).toBe(1);
  });
});
