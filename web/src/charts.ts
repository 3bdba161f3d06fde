import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { toCsv } from "./csv";
import { download, formatNumber, h, plural } from "./dom";

export interface Series {
  label: string;
  values: number[];
  colour: string;
  /** A line style besides the colour (bots are dashed), so lines that overlap or are seen without colour stay apart. */
  dash?: number[];
  /** A faint line (the previous period), drawn thin and without fill. */
  faint?: boolean;
}

export type Granularity = "day" | "hour" | "minute";

/**
 * The lines of a click series: people solid, bots dashed (so equal lines stay apart), and, when given and of the same
 * length, the previous period's people as a faint dotted line.
 */
export function clickLines(points: { human: number; bot: number }[],
                           previous?: { label: string; points: { human: number }[] } | null): Series[] {
  return [
    { label: "human", values: points.map((p) => p.human), colour: "#2b6cb0" },
    { label: "bot", values: points.map((p) => p.bot), colour: "#c05621", dash: [6, 4] },
    ...(previous && previous.points.length === points.length
      ? [{ label: previous.label, values: previous.points.map((p) => p.human), colour: "#718096", dash: [2, 3], faint: true }]
      : []),
  ];
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A period's label from the API's start as it is written ("2026-12-01" or "2026-12-01T14:00+01:00"): read from
 * the text, not converted, so a day is the day the API counted it in whatever the browser's time zone.
 */
export function periodLabel(start: string, granularity: Granularity, withDay = true): string {
  // Minutes are instants ("2026-12-01T14:05:00Z"): shown in the browser's time, as a clock reads.
  if (granularity === "minute") return new Date(start).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  const day = `${Number(start.slice(8, 10))} ${MONTHS[Number(start.slice(5, 7)) - 1]}`;
  return granularity === "day" ? day : withDay ? `${day} ${start.slice(11, 16)}` : start.slice(11, 16);
}

/** Whole-number steps for counts: a y axis of clicks never reads 2.5. */
const COUNT_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1_000, 2_000, 2_500, 5_000, 10_000, 20_000, 25_000, 50_000,
  100_000, 200_000, 250_000, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000];

/**
 * A time-series chart (uPlot) with the numbers behind it as a table and a CSV download, so the
 * chart is never the only way to read the data. The x axis is labelled by `granularity` (dates for
 * days, hours for hours), the y axis in whole numbers; a pointer over the chart shows the period's values.
 */
export function timeChart(title: string, starts: string[], series: Series[], fileName: string,
                          granularity: Granularity = "day"): HTMLElement {
  const plot = h("div", { class: "chart", role: "img", "aria-label": `${title}: chart; the table below has the same numbers` });
  const tip = h("div", { class: "chart-tip", "aria-hidden": "true", hidden: true });
  const legend = h("ul", { class: "chart-legend", "aria-label": `Lines of ${title}` }, ...series.map((s) => {
    const swatch = h("span", { class: `swatch${s.dash ? " dashed" : ""}${s.faint ? " faint" : ""}`, "aria-hidden": "true" });
    swatch.style.borderColor = s.colour;
    return h("li", { "data-series": s.label, "data-dashed": s.dash ? "true" : "false" }, swatch, s.label);
  }));
  // Indexes stand for the periods on the x axis: its ticks are then the periods themselves, never a time between two.
  const xs = starts.map((_, i) => i);
  const table = h("table", {},
    h("caption", {}, title),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "period"), ...series.map((s) => h("th", { scope: "col" }, s.label)))),
    h("tbody", {}, ...starts.map((start, i) => h("tr", {},
      h("th", { scope: "row" }, start),
      ...series.map((s) => h("td", { class: "num" }, formatNumber(s.values[i])))))));
  const csv = () => download(fileName, toCsv(["period", ...series.map((s) => s.label)],
    starts.map((start, i) => [start, ...series.map((s) => s.values[i])])), "text/csv");
  const section = h("section", { class: "card" },
    h("h3", {}, title),
    legend,
    h("div", { class: "chart-box" }, plot, tip),
    h("details", {}, h("summary", {}, "Numbers behind the chart"), table),
    csvButton(title, csv));
  const xLabels = (splits: number[]) => splits.map((i) => {
    const start = starts[i];
    if (start === undefined) return "";
    // Hours name their day at midnight and on the first tick only.
    return periodLabel(start, granularity, i === splits[0] || start.slice(11, 13) === "00");
  });
  const draw = () => {
    plot.replaceChildren();
    const width = Math.max(280, plot.clientWidth || 600);
    const slots = Math.max(2, Math.floor(width / (granularity === "day" ? 70 : 90)));
    const every = Math.max(1, Math.ceil(starts.length / slots));
    const max = Math.max(1, ...series.flatMap((s) => s.values));
    new uPlot({
      width,
      height: 240,
      legend: { show: false },
      scales: { x: { time: false, range: () => [0, Math.max(1, starts.length - 1)] }, y: { range: () => [0, max] } },
      axes: [
        {
          stroke: "#3b4252",
          splits: () => xs.filter((i) => i % every === 0),
          values: (_u, splits) => {
            const labels = xLabels(splits);
            plot.dataset.xTicks = JSON.stringify(labels);
            return labels;
          },
        },
        {
          stroke: "#3b4252",
          size: 60,
          incrs: COUNT_STEPS,
          values: (_u, splits) => {
            const labels = splits.map((v) => (Number.isInteger(v) ? formatNumber(v) : ""));
            plot.dataset.yTicks = JSON.stringify(labels);
            return labels;
          },
        },
      ],
      series: [{}, ...series.map((s) => ({
        label: s.label, stroke: s.colour, width: s.faint ? 1.5 : 2, dash: s.dash, fill: s.faint ? undefined : `${s.colour}22`,
      }))],
      hooks: {
        setCursor: [(u) => {
          const i = u.cursor.idx;
          if (i === null || i === undefined || u.cursor.left === undefined || u.cursor.left < 0) {
            tip.hidden = true;
            return;
          }
          tip.replaceChildren(h("strong", {}, periodLabel(starts[i], granularity)),
            ...series.map((s) => h("div", {}, `${s.label}: ${formatNumber(s.values[i])}`)));
          tip.hidden = false;
          // Placed through the CSSOM, as the bars are: the CSP allows no style attribute.
          tip.style.left = `${Math.min(u.cursor.left + 12, width - 180)}px`;
          tip.style.top = `${Math.max(0, (u.cursor.top ?? 0) - 10)}px`;
        }],
      },
    }, [xs, ...series.map((s) => s.values)], plot);
  };
  requestAnimationFrame(draw);
  // Drawn again at the window's new width while shown; a chart no longer shown stops listening.
  const onResize = () => (plot.isConnected ? requestAnimationFrame(draw) : window.removeEventListener("resize", onResize));
  window.addEventListener("resize", onResize);
  return section;
}

let barTables = 0;

/**
 * Horizontal bars as a table: each row names its value and count, the bar is decoration. The
 * table is named by its heading; `empty` is said when there are no rows.
 */
export function barTable(title: string, rows: { value: string; clicks: number }[], fileName: string, empty = "No clicks yet."): HTMLElement {
  const max = Math.max(1, ...rows.map((r) => r.clicks));
  const id = `bars-${++barTables}`;
  const csv = () => download(fileName, toCsv(["value", "clicks"], rows.map((r) => [r.value, r.clicks])), "text/csv");
  return h("section", { class: "card" },
    h("h3", { id }, title),
    rows.length === 0 ? h("p", { class: "muted" }, empty) :
      h("table", { class: "bars", "aria-labelledby": id },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "value"), h("th", { scope: "col" }, "clicks"), h("th", { scope: "col", class: "bar-col" }, h("span", { class: "sr-only" }, "share")))),
        h("tbody", {}, ...rows.map((r) => h("tr", {},
          h("th", { scope: "row" }, r.value),
          h("td", { class: "num" }, formatNumber(r.clicks)),
          h("td", { class: "bar-col", "aria-hidden": "true" }, bar((100 * r.clicks) / max, `${r.value}: ${plural(r.clicks, "click")}`)))))),
    csvButton(title, csv, rows.length === 0));
}

/** "Download CSV", named after its chart for screen readers (a page has several). */
function csvButton(title: string, onclick: () => void, disabled = false): HTMLButtonElement {
  return h("button", { type: "button", onclick, disabled }, "Download CSV", h("span", { class: "sr-only" }, ` of ${title}`));
}

/** A tiny line of a series for a table cell, with the total as its label. */
export function sparkline(values: number[], label: string): SVGSVGElement {
  const width = 120;
  const height = 28;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`).join(" ");
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.classList.add("sparkline");
  const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
  line.setAttribute("points", points);
  line.setAttribute("fill", "none");
  line.setAttribute("stroke", "#2b6cb0");
  line.setAttribute("stroke-width", "2");
  svg.appendChild(line);
  return svg;
}

/** A bar of the given width in percent, sized through the CSSOM: the dashboard's CSP allows no inline style attribute. */
function bar(percent: number, tooltip: string): HTMLElement {
  const span = h("span", { class: "bar", title: tooltip });
  span.style.width = `${percent}%`;
  return span;
}
