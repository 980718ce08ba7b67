import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import {
  fontFamily,
  type PortfolioChartInput,
  portfolioChartPng,
  portfolioChartSvg,
} from "../../src/charts/portfolio-chart.ts";

const months = ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"];
const book: PortfolioChartInput = {
  title: "Ana's book",
  trend: months.map((to, i) => ({
    to,
    nrr: i === 2 ? null : 100 + i * 1.5,
    grr: i === 2 ? null : 90 + i * 0.5,
  })),
  arrByBand: [
    { band: "red", arr: 212_000 },
    { band: "green", arr: 1_234_000 },
    { band: "unscored", arr: 85_000 },
    { band: "yellow", arr: 450_000 },
  ],
};

/** The line drawn for NRR: its path, one `M` per unbroken stretch. */
const nrrLine = (svg: string) => /<path d="([^"]+)"[^>]*stroke="#1d3557" stroke-width="3"/.exec(svg)?.[1];
const entities: Record<string, string> = {
  "&#39;": "'",
  "&quot;": '"',
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
};
const unescaped = (text: string) =>
  text.replace(/&(#39|quot|lt|gt|amp);/g, (entity) => entities[entity] ?? entity);
const texts = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescaped(m[1] ?? ""));
const titleOf = (svg: string) =>
  unescaped(/<text[^>]*font-size:20px[^>]*>([^<]*)<\/text>/.exec(svg)?.[1] ?? "");

describe("the portfolio chart", () => {
  it("is one PNG of 1000 by 500 pixels", () => {
    const png = portfolioChartPng(book);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1000, 500]);
  });

  it("shows the months, the latest NRR and GRR, the 100% line, and each band's ARR in money", () => {
    const labels = texts(portfolioChartSvg(book));
    expect(labels).toEqual(
      expect.arrayContaining(["Ana's book", "NRR 107.5%", "GRR 92.5%", "Jan", "2026", "Jun", "100%"]),
    );
    // The bands in the order of the health scale, whatever the order given.
    const bands = labels.filter((label) => ["Green", "Yellow", "Red", "Unscored"].includes(label as string));
    expect(bands).toEqual(["Green", "Yellow", "Red", "Unscored"]);
    expect(labels).toEqual(expect.arrayContaining(["$1.2M", "$450K", "$212K", "$85K"]));
  });

  it("leaves a gap in the lines for a month with no figure", () => {
    expect(nrrLine(portfolioChartSvg(book))?.match(/M/g)).toHaveLength(2);
    const whole = { ...book, trend: book.trend.map((point) => ({ ...point, nrr: 101, grr: 95 })) };
    expect(nrrLine(portfolioChartSvg(whole))?.match(/M/g)).toHaveLength(1);
  });

  it("says so when a book has no NRR yet or no ARR", () => {
    const svg = portfolioChartSvg({
      title: "A new book",
      trend: months.map((to) => ({ to, nrr: null, grr: null })),
      arrByBand: [{ band: "unscored", arr: 0 }],
    });
    expect(texts(svg)).toEqual(
      expect.arrayContaining([
        "No starting ARR a year back: no NRR or GRR yet",
        "NRR n/a",
        "GRR n/a",
        "No ARR in this book",
      ]),
    );
    expect(texts(svg)).not.toContain("$0");
  });

  it("clips a title too long for the picture, and draws any name as written", () => {
    const title = titleOf(portfolioChartSvg({ ...book, title: `Team of ${"Mia ".repeat(40)}` }));
    expect(title).toMatch(/^Team of Mia .*…$/);
    expect(title.length).toBeLessThanOrEqual(76);
    const odd = { ...book, title: `R&D's <"growth"> book` };
    expect(titleOf(portfolioChartSvg(odd))).toBe(odd.title);
    expect(portfolioChartPng(odd).readUInt32BE(16)).toBe(1000);
  });

  it("writes its text in a font this machine has", () => {
    // resvg leaves out text it has no font for: a picture of text alone would then have no bounds.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="24" style="font-size:16px;font-family:${fontFamily}">NRR 104.3%</text></svg>`;
    const bounds = new Resvg(svg, { font: { loadSystemFonts: true } }).getBBox();
    expect(bounds?.width).toBeGreaterThan(50);
  });
});
