// The portfolio chart, for a person who would rather look than read: a book's NRR and GRR month by
// month beside its ARR by health band, as one PNG. ECharts draws it on the server as SVG (no browser,
// no chart service) and resvg turns that into pixels with the machine's own fonts.
import { Resvg } from "@resvg/resvg-js";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { formatMoney } from "../domain/money.ts";

echarts.use([
  LineChart,
  BarChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  SVGRenderer,
]);

export type ChartBand = "green" | "yellow" | "red" | "unscored";

export interface PortfolioChartInput {
  title: string;
  /** Oldest first; a null is a month with no starting ARR a year before, drawn as a gap. */
  trend: { to: string; nrr: number | null; grr: number | null }[];
  /** ARR in currency units. */
  arrByBand: { band: ChartBand; arr: number }[];
}

export const chartSize = { width: 1000, height: 500 };

const bands: Record<ChartBand, { label: string; color: string }> = {
  green: { label: "Green", color: "#2eb67d" },
  yellow: { label: "Yellow", color: "#ecb22e" },
  red: { label: "Red", color: "#e01e5a" },
  unscored: { label: "Unscored", color: "#9e9e9e" },
};
const colors = { nrr: "#1d3557", grr: "#2a9d8f", ink: "#1d1c1d", muted: "#616061", rule: "#e8e8e8" };
// The first of these the machine has: DejaVu is the font Debian installs by default (fonts-dejavu-core).
// Unquoted, because resvg 2.6 skips a quoted name after a comma; and named, because its `sans-serif`
// means Arial, or else a serif.
export const fontFamily = "Helvetica, Arial, Liberation Sans, DejaVu Sans, sans-serif";
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** Characters of the title that fit across the picture at its size. */
const titleLength = 76;
const panels = { trend: { left: 64, right: 400 }, bands: { left: 660, right: 32 }, top: 104, bottom: 56 };

export function portfolioChartPng(input: PortfolioChartInput): Buffer {
  const svg = portfolioChartSvg(input);
  return Buffer.from(
    new Resvg(svg, { background: "white", font: { loadSystemFonts: true } }).render().asPng(),
  );
}

/** The same picture as SVG, before it is turned into pixels. */
export function portfolioChartSvg(input: PortfolioChartInput): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, ...chartSize });
  try {
    chart.setOption(chartOption(input));
    return chart.renderToSVGString();
  } finally {
    // A chart left alive keeps its timers, and the process would not exit.
    chart.dispose();
  }
}

function chartOption(input: PortfolioChartInput) {
  const { trend } = input;
  const shown = (Object.keys(bands) as ChartBand[]).flatMap((band) =>
    input.arrByBand.filter((entry) => entry.band === band),
  );
  const noRetention = trend.every((point) => point.nrr === null && point.grr === null);
  const noArr = shown.every((entry) => entry.arr <= 0);
  const percents = trend.flatMap((point) => [point.nrr, point.grr]).filter((v): v is number => v !== null);
  const axisText = { color: colors.muted, fontFamily, fontSize: 12 };
  return {
    animation: false,
    textStyle: { fontFamily },
    title: [
      {
        text: clipped(input.title, titleLength),
        left: 24,
        top: 16,
        textStyle: { fontSize: 20, fontWeight: "bold", color: colors.ink },
      },
      panelTitle("NRR and GRR, trailing 12 months", panels.trend.left),
      panelTitle("ARR by health band", panels.bands.left),
      ...(noRetention ? [emptyNote("No starting ARR a year back: no NRR or GRR yet", "28%")] : []),
      ...(noArr ? [emptyNote("No ARR in this book", "80%")] : []),
    ],
    // The latest figures, the ones a person looks for first, are written in the legend: beside their
    // points they would collide with each other or with the axis.
    legend: {
      data: ["NRR", "GRR"],
      top: 66,
      right: panels.trend.right + 12,
      // ECharts lays text out with Arial's widths; the gap leaves room for a wider font (DejaVu Sans).
      itemGap: 28,
      formatter: (name: string) => `${name} ${latest(trend, name === "NRR" ? "nrr" : "grr")}`,
      textStyle: { color: colors.ink, fontFamily, fontSize: 13 },
    },
    grid: [
      { ...panels.trend, top: panels.top, bottom: panels.bottom },
      { ...panels.bands, top: panels.top, bottom: panels.bottom },
    ],
    xAxis: [
      {
        type: "category",
        gridIndex: 0,
        data: trend.map((point, i) => monthLabel(point.to, i === 0)),
        axisLabel: { ...axisText, interval: 0 },
        axisTick: { alignWithLabel: true },
      },
      {
        type: "category",
        gridIndex: 1,
        data: shown.map((entry) => bands[entry.band].label),
        axisLabel: { ...axisText, fontSize: 13, color: colors.ink },
      },
    ],
    yAxis: [
      {
        type: "value",
        gridIndex: 0,
        ...percentRange(percents),
        axisLabel: { ...axisText, formatter: "{value}%" },
        splitLine: { lineStyle: { color: colors.rule } },
      },
      {
        type: "value",
        gridIndex: 1,
        minInterval: 1,
        // Room above the tallest bar for its label, below the panel's title.
        boundaryGap: [0, "12%"],
        axisLabel: { ...axisText, show: !noArr, formatter: (value: number) => money(value) },
        splitLine: { lineStyle: { color: colors.rule } },
      },
    ],
    series: [
      retentionLine("NRR", colors.nrr, trend, (point) => point.nrr, true),
      retentionLine("GRR", colors.grr, trend, (point) => point.grr, false),
      {
        type: "bar",
        xAxisIndex: 1,
        yAxisIndex: 1,
        barWidth: "56%",
        data: shown.map((entry) => ({ value: entry.arr, itemStyle: { color: bands[entry.band].color } })),
        label: {
          show: !noArr,
          position: "top",
          color: colors.ink,
          fontFamily,
          fontSize: 13,
          fontWeight: "bold",
          formatter: ({ value }: { value: number }) => money(value),
        },
      },
    ],
  };
}

function retentionLine(
  name: string,
  color: string,
  trend: PortfolioChartInput["trend"],
  value: (point: PortfolioChartInput["trend"][number]) => number | null,
  withReference: boolean,
) {
  const values = trend.map(value);
  return {
    name,
    type: "line",
    xAxisIndex: 0,
    yAxisIndex: 0,
    color,
    symbolSize: 6,
    lineStyle: { width: 3 },
    connectNulls: false,
    data: values,
    ...(withReference
      ? {
          markLine: {
            silent: true,
            symbol: "none",
            lineStyle: { color: colors.muted, type: "dashed", width: 1 },
            label: { formatter: "100%", color: colors.muted, fontFamily, position: "insideStartTop" },
            data: [{ yAxis: 100 }],
          },
        }
      : {}),
  };
}

function panelTitle(text: string, left: number) {
  return { text, left, top: 64, textStyle: { fontSize: 15, fontWeight: "normal", color: colors.ink } };
}

function emptyNote(text: string, left: string) {
  return {
    text,
    left,
    top: "middle",
    textAlign: "center",
    textStyle: { fontSize: 13, fontWeight: "normal", color: colors.muted },
  };
}

function latest(trend: PortfolioChartInput["trend"], metric: "nrr" | "grr"): string {
  const value = trend.at(-1)?.[metric];
  return value === null || value === undefined ? "n/a" : `${value}%`;
}

/** The axis spans 100 and every figure with a margin, in even steps, and never goes below 0. */
function percentRange(values: readonly number[]): { min: number; max: number; interval: number } {
  const low = Math.max(0, Math.floor((Math.min(100, ...values) - 5) / 10) * 10);
  const high = Math.ceil((Math.max(100, ...values) + 5) / 10) * 10;
  const span = high - low;
  const interval = span <= 30 ? 5 : span <= 60 ? 10 : span <= 150 ? 20 : 50;
  return { min: Math.floor(low / interval) * interval, max: Math.ceil(high / interval) * interval, interval };
}

/** "Jul", with the year under the first month and under each January. */
function monthLabel(day: string, first: boolean): string {
  const [year, month] = day.split("-") as [string, string];
  const name = months[Number(month) - 1] ?? month;
  return first || month === "01" ? `${name}\n${year}` : name;
}

function clipped(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

function money(value: number): string {
  return formatMoney(value.toFixed(2), { compact: true });
}
