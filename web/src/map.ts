// Countries as SVG paths, projected at build time from world-atlas by scripts/world-map.mjs.
import world from "./generated/world-map.json";
import { formatNumber, h, plural } from "./dom";

/**
 * A choropleth of clicks by country (Natural Earth's 1:110m countries through world-atlas, projected with
 * d3-geo's Equal Earth when the dashboard is built), loaded only by the views that show it. Its shades get
 * darker with more clicks, so they read in greyscale too; the legend says what each shade means, and the
 * countries table beside it has the same numbers as text.
 */
const SVG = "http://www.w3.org/2000/svg";
const SHADES = 5;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value);
  return element;
}

/** The shade of a count: 0 for none, then 1..SHADES in equal steps up to the most clicks. */
const shade = (clicks: number, max: number) => (clicks > 0 ? Math.max(1, Math.ceil((SHADES * clicks) / max)) : 0);

/** The map of `rows` (alpha-2 country codes and their clicks), with its legend. */
export function worldMap(title: string, rows: { value: string; clicks: number }[]): HTMLElement {
  const clicks = new Map(rows.map((r) => [r.value.toUpperCase(), r.clicks]));
  const max = Math.max(1, ...rows.map((r) => r.clicks));
  const map = svg("svg", { viewBox: `0 0 ${world.width} ${world.height}`, class: "world-map", role: "img",
    "aria-label": `${title}: map; the Countries table has the same numbers` });
  for (const country of world.countries) {
    const count = country.code ? clicks.get(country.code) ?? 0 : 0;
    const shape = svg("path", { d: country.d, class: `country shade-${shade(count, max)}` });
    if (country.code) shape.setAttribute("data-country", country.code);
    // A pointer's tooltip (the table is the way to read it without one).
    const tip = svg("title", {});
    tip.textContent = `${country.name}: ${plural(count, "click")}`;
    shape.appendChild(tip);
    map.appendChild(shape);
  }
  const step = max / SHADES;
  const legend = h("ul", { class: "map-legend", "aria-label": "Shades of the map" },
    h("li", {}, h("span", { class: "map-swatch shade-0", "aria-hidden": "true" }), "no clicks"),
    ...Array.from({ length: SHADES }, (_, i) => {
      const low = Math.floor(i * step) + 1;
      const high = Math.floor((i + 1) * step);
      if (high < low) return null;
      return h("li", {}, h("span", { class: `map-swatch shade-${i + 1}`, "aria-hidden": "true" }),
        low === high ? plural(low, "click") : `${formatNumber(low)}–${formatNumber(high)} clicks`);
    }));
  return h("div", { class: "map-box" }, map, legend);
}
