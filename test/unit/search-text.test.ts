import { describe, expect, it } from "vitest";
import { parseAccountQuery, prefixUpperBound, searchKey } from "../../src/domain/search-text.ts";

describe("account search text", () => {
  it("folds case, accents and punctuation so typed and stored names meet", () => {
    expect(searchKey("Zürich Précision AG")).toBe("zurich precision ag");
    expect(searchKey("  ACME   Corp.  ")).toBe("acme corp");
    expect(searchKey("Ørsted & Søn")).toBe("ørsted søn");
    expect(searchKey("Łódź Logistics")).toBe("łodz logistics");
  });

  it("accepts a plain name or CRM id", () => {
    expect(parseAccountQuery(" acme ")).toEqual({ ok: true, key: "acme", raw: "acme" });
    expect(parseAccountQuery("0015g00000XyZ01")).toMatchObject({ ok: true, key: "0015g00000xyz01" });
  });

  it("explains an empty query", () => {
    expect(parseAccountQuery("")).toEqual({ ok: false, problem: "empty" });
    expect(parseAccountQuery("   ")).toEqual({ ok: false, problem: "empty" });
    expect(parseAccountQuery(undefined)).toEqual({ ok: false, problem: "empty" });
  });

  it("refuses a 500-character query", () => {
    expect(parseAccountQuery("a".repeat(500))).toEqual({ ok: false, problem: "too_long" });
    expect(parseAccountQuery("a".repeat(100))).toMatchObject({ ok: true });
  });

  it("treats mentions and bare markup as not an account name", () => {
    expect(parseAccountQuery("<@U012AB3CD>")).toEqual({ ok: false, problem: "unsupported" });
    expect(parseAccountQuery("<!channel>")).toEqual({ ok: false, problem: "unsupported" });
    expect(parseAccountQuery("*_~`")).toEqual({ ok: false, problem: "unsupported" });
    expect(parseAccountQuery("*acme*")).toMatchObject({ ok: true, key: "acme" });
  });

  it("bounds the names that start with a prefix: the prefix with its last character raised by one", () => {
    expect(prefixUpperBound("acme")).toBe("acmf");
    expect(prefixUpperBound("acme corp 9")).toBe("acme corp :");
    expect(prefixUpperBound("zurich")).toBe("zurici");
    // Characters outside the basic plane are raised whole, not as half a surrogate pair.
    expect(prefixUpperBound("a\u{1D400}")).toBe("a\u{1D401}");
    // Just below the surrogates, and the last code point, have no next character: no bound.
    expect(prefixUpperBound("a\uD7FF")).toBeNull();
    expect(prefixUpperBound("a\u{10FFFF}")).toBeNull();
    expect(prefixUpperBound("")).toBeNull();
  });
});
