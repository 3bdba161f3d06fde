import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { toCsv } from "./csv";
import { download, formatNumber, h } from "./dom";

export interface Series {
  label: string;
  values: number[];
  colour: string;
}

/**
 * A time-series chart (uPlot) with the numbers behind it as a table and a CSV download, so the
 * chart is never the only way to read the data.
 */
export function timeChart(title: string, starts: string[], series: Series[], fileName: string): HTMLElement {
  const plot = h("div", { class: "chart", role: "img", "aria-label": `${title}: chart; the table below has the same numbers` });
  const times = starts.map((start) => Date.parse(start) / 1000);
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
    plot,
    h("details", {}, h("summary", {}, "Numbers behind the chart"), table),
    csvButton(title, csv));
  const draw = () => {
    plot.replaceChildren();
    const width = Math.max(280, plot.clientWidth || 600);
    new uPlot({
      width,
      height: 240,
      scales: { x: { time: true } },
      axes: [{ stroke: "#3b4252" }, { stroke: "#3b4252", size: 60 }],
      series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.colour, fill: `${s.colour}22`, width: 2 }))],
    }, [times, ...series.map((s) => s.values)], plot);
  };
  requestAnimationFrame(draw);
  window.addEventListener("resize", () => requestAnimationFrame(draw));
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
          h("td", { class: "bar-col", "aria-hidden": "true" }, bar((100 * r.clicks) / max)))))),
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
function bar(percent: number): HTMLElement {
  const span = h("span", { class: "bar" });
  span.style.width = `${percent}%`;
  return span;
}
