import { api, Link, linkKey, LinkRef, linkPath } from "../api";
import { barTable, timeChart } from "../charts";
import { formatNumber, h, isoDay, replace } from "../dom";

interface LinkStats {
  from: string;
  to: string;
  tz: string;
  totals: { human: number; bot: number; unique: number };
  series: { start: string; human: number; bot: number }[];
  breakdowns: Record<string, { value: string; clicks: number }[]>;
}

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
  const today = new Date();
  const from = h("input", { id: "from", type: "date", value: isoDay(new Date(today.getTime() - 6 * 86_400_000)), max: isoDay(today) });
  const to = h("input", { id: "to", type: "date", value: isoDay(today), max: isoDay(today) });
  const granularity = h("select", { id: "granularity" }, h("option", { value: "day" }, "Day"), h("option", { value: "hour" }, "Hour"));
  const results = h("div", { class: "stats" });
  const error = h("p", { class: "field-error", role: "alert" });
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const load = async () => {
    error.textContent = "";
    try {
      const stats = await api<LinkStats>("GET", linkPath(ref, "/stats", {
        from: from.value, to: to.value, granularity: granularity.value, tz, top: 10,
      }));
      replace(results,
        h("div", { class: "totals" },
          total("Human clicks", stats.totals.human),
          total("Bot clicks", stats.totals.bot),
          total("Unique visitors", stats.totals.unique, "Distinct visitors per UTC day, summed: someone back on another day counts again")),
        timeChart(`Clicks per ${granularity.value}`, stats.series.map((s) => s.start),
          [{ label: "human", values: stats.series.map((s) => s.human), colour: "#2b6cb0" },
            { label: "bot", values: stats.series.map((s) => s.bot), colour: "#c05621" }],
          `${file}-clicks.csv`),
        h("div", { class: "grid" }, ...BREAKDOWNS.map(([dimension, title]) =>
          barTable(title, stats.breakdowns[dimension] ?? [], `${file}-${dimension}.csv`, dimension === "bot" ? "No bot clicks." : undefined))),
        h("p", { class: "muted small" }, `${stats.from} to ${stats.to} (${stats.tz}). `
          + "Bots count only under their name; the other breakdowns count human clicks."));
    } catch (e) {
      error.textContent = (e as Error).message;
    }
  };
  await load();
  return h("section", {},
    h("p", {}, h("a", { href: "#/links" }, "← Links")),
    h("h1", {}, `Analytics of ${name}`),
    link.title ? h("p", { class: "link-title" }, link.title) : null,
    link.description ? h("p", { class: "muted" }, link.description) : null,
    h("p", { class: "muted" }, h("a", { href: link.shortUrl }, link.shortUrl), " → ", h("span", { class: "url" }, link.url)),
    h("form", {
      class: "filters", onsubmit: (event: Event) => {
        event.preventDefault();
        void load();
      },
    },
      h("div", { class: "field" }, h("label", { for: "from" }, "From"), from),
      h("div", { class: "field" }, h("label", { for: "to" }, "To"), to),
      h("div", { class: "field" }, h("label", { for: "granularity" }, "Per"), granularity),
      h("button", { type: "submit" }, "Show")),
    error,
    results);
}

export function total(label: string, value: number, note?: string): HTMLElement {
  return h("div", { class: "total card" }, h("div", { class: "total-label" }, label),
    h("div", { class: "total-value", "data-total": label }, formatNumber(value)), note ? h("div", { class: "muted small" }, note) : null);
}
