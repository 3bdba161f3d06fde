import { api, Link, linkKey, LinkRef, linkPath } from "../api";
import { barTable, clickLines, timeChart } from "../charts";
import { formatNumber, h, replace } from "../dom";
import { liveCard } from "../live";
import { change, inRange, previousRange, Range, rangeForm, readRange, routeParams } from "../range";

interface LinkStats {
  from: string;
  to: string;
  tz: string;
  totals: { human: number; bot: number; unique: number };
  series: { start: string; human: number; bot: number }[];
  breakdowns: Record<string, { value: string; clicks: number }[]>;
}

/** The live view's name, on the overview and a link's page. */
export const LIVE_TITLE = "Live: last 60 minutes";

/** Every dimension the API breaks clicks down by; bots count only under their name, the others are human clicks. */
const BREAKDOWNS: [string, string][] = [
  ["country", "Countries"], ["referrer", "Referrers"], ["device", "Devices"], ["browser", "Browsers"], ["os", "Operating systems"],
  ["language", "Languages"], ["rule", "Targeting rules"], ["bot", "Bots by name"],
];

/** One link's analytics: clicks over time (human and bot), totals, unique visitors, top values of every dimension. */
export async function linkView(ref: LinkRef): Promise<HTMLElement> {
  const link = await api<Link>("GET", linkPath(ref));
  const name = linkKey(ref);
  // Downloads are named after the link, its domain too when it has one ("/" cannot be in a file name).
  const file = name.replace("/", "-");
  const range = readRange(routeParams(), "7d", false);
  const previous = previousRange(range);
  const results = h("div", { class: "stats" });
  const error = h("p", { class: "field-error", role: "alert" });
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const read = (r: Range, dimensions?: string) => api<LinkStats>("GET", linkPath(ref, "/stats", {
    from: r.from, to: r.to, granularity: r.granularity, tz, top: 10, dimensions,
  }));

  try {
    // The previous period only for its line and totals: one breakdown of one value keeps that read small.
    const [stats, before] = await Promise.all([read(range), read(previous, "bot").catch(() => null)]);
    const series = inRange(range, stats.series);
    const earlier = before ? inRange(previous, before.series) : null;
    // The last 24 hours are cut from two days of hours: their totals are the cut series'.
    const sum = (points: { human: number; bot: number }[], key: "human" | "bot") => points.reduce((n, p) => n + p[key], 0);
    const human = range.since === undefined ? stats.totals.human : sum(series, "human");
    const bot = range.since === undefined ? stats.totals.bot : sum(series, "bot");
    const chart = timeChart(`Clicks per ${range.granularity}`, series.map((s) => s.start),
      clickLines(series, earlier && { label: `human, ${range.lengthLabel}`, points: earlier }), `${file}-clicks.csv`, range.granularity);
    replace(results,
      h("div", { class: "totals" },
        total("Human clicks", human, before ? change(human, range.since === undefined ? before.totals.human : sum(earlier!, "human"), range) : undefined),
        total("Bot clicks", bot, before ? change(bot, range.since === undefined ? before.totals.bot : sum(earlier!, "bot"), range) : undefined),
        total("Unique visitors", stats.totals.unique, "Distinct visitors per UTC day, summed: someone back on another day counts again")),
      chart,
      countryMap(stats.breakdowns.country ?? []),
      h("div", { class: "grid" }, ...BREAKDOWNS.map(([dimension, title]) =>
        barTable(title, stats.breakdowns[dimension] ?? [], `${file}-${dimension}.csv`, dimension === "bot" ? "No bot clicks." : undefined))),
      h("p", { class: "muted small" }, `${range.label}: ${stats.from} to ${stats.to} (${stats.tz}). `
        + (range.since === undefined ? "" : "Unique visitors and breakdowns cover both days. ")
        + "Bots count only under their name; the other breakdowns count human clicks."));
  } catch (e) {
    error.textContent = (e as Error).message;
  }
  return h("section", {},
    h("p", {}, h("a", { href: "#/links" }, "← Links")),
    h("h1", {}, `Analytics of ${name}`),
    link.title ? h("p", { class: "link-title" }, link.title) : null,
    link.description ? h("p", { class: "muted" }, link.description) : null,
    h("p", { class: "muted" }, h("a", { href: link.shortUrl }, link.shortUrl), " → ", h("span", { class: "url" }, link.url)),
    liveCard(LIVE_TITLE, linkPath(ref, "/stats/live")),
    rangeForm(range, true),
    error,
    results);
}

/**
 * The countries on a world map, when there are any: its code and shapes are loaded now, not with the
 * dashboard (most of their bytes); the Countries table below is its text.
 */
function countryMap(rows: { value: string; clicks: number }[]): HTMLElement | null {
  if (rows.length === 0) return null;
  const title = "Human clicks by country";
  const status = h("p", { class: "muted", role: "status" }, "Loading the map…");
  const card = h("section", { class: "card" }, h("h3", {}, title), status,
    h("p", { class: "muted small" }, "The top countries, as in the Countries table below."));
  import("../map").then(({ worldMap }) => status.replaceWith(worldMap(title, rows)),
    () => (status.textContent = "The map could not be loaded; the Countries table below has the same numbers."));
  return card;
}

/** A total with its label; `note` says more (how it is counted, or its change against the period before). */
export function total(label: string, value: number, note?: string): HTMLElement {
  return h("div", { class: "total card" }, h("div", { class: "total-label" }, label),
    h("div", { class: "total-value", "data-total": label }, formatNumber(value)), note ? h("div", { class: "muted small" }, note) : null);
}
