import { describe, expect, it } from "vitest";
import { printable, tableCell, tableRow } from "../../src/cli/printable.ts";

describe("user-supplied text on the command line", () => {
  it("shows tabs, newlines and other control characters instead of sending them", () => {
    expect(printable("a\tb\nc\r")).toBe("a\\tb\\nc\\r");
    expect(printable("bell\u0007 nul\u0000 del\u007f")).toBe("bell\\u{0007} nul\\u{0000} del\\u{007F}");
    expect(printable("Zürich Précision")).toBe("Zürich Précision");
  });

  it("keeps a cell that starts like a formula from being one in a spreadsheet", () => {
    for (const text of ["=1+1", "+31 20 555", "-2", "@SUM(A1)"]) expect(tableCell(text)).toBe(`'${text}`);
    expect(tableCell("Maria Lopez")).toBe("Maria Lopez");
  });

  it("prints a missing value as a dash", () => {
    expect(tableRow(["U1", null, "=x"])).toBe("U1\t-\t'=x");
  });
});
