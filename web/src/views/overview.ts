import { api, query } from "../api";
import { sparkline, timeChart } from "../charts";
import { formatNumber, h, isoDay } from "../dom";

interface WorkspaceStats {
  totals: { human: number };
  series: { start: string; human: number }[];
  topLinks: { slug: string; human: number }[];
}

interface LinkSeries {
  series: { start: string; human: number }[];
}

/** The workspace at a glance: clicks over 30 days, the top links, each with its own sparkline. */
export async function overviewView(): Promise<HTMLElement> {
  const to = new Date();
  const range = { from: isoDay(new Date(to.getTime() - 29 * 86_400_000)), to: isoDay(to) };
  const stats = await api<WorkspaceStats>("GET", `/v1/stats${query({ ...range, top: 10 })}`);
  const lines = await Promise.all(stats.topLinks.map((link) =>
    api<LinkSeries>("GET", `/v1/links/${encodeURIComponent(link.slug)}/stats${query({ ...range, dimensions: "bot" })}`)
      .then((s) => s.series.map((p) => p.human))
      .catch(() => [] as number[])));
  return h("section", {},
    h("h1", {}, "Overview"),
    h("div", { class: "totals" }, h("div", { class: "total card" }, h("div", { class: "total-label" }, "Human clicks, last 30 days"),
      h("div", { class: "total-value" }, formatNumber(stats.totals.human)))),
    timeChart("Human clicks per day", stats.series.map((s) => s.start),
      [{ label: "human", values: stats.series.map((s) => s.human), colour: "#2b6cb0" }], "workspace-clicks.csv"),
    h("section", { class: "card" }, h("h2", {}, "Top links"),
      stats.topLinks.length === 0 ? h("p", { class: "muted" }, "No clicks in the last 30 days.") :
        h("table", {},
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Link"), h("th", { scope: "col" }, "Human clicks"), h("th", { scope: "col" }, "Last 30 days"))),
          h("tbody", {}, ...stats.topLinks.map((link, i) => h("tr", {},
            h("th", { scope: "row" }, h("a", { href: `#/links/${encodeURIComponent(link.slug)}` }, link.slug)),
            h("td", { class: "num" }, formatNumber(link.human)),
            h("td", {}, sparkline(lines[i], `${link.slug}: ${formatNumber(link.human)} human clicks over 30 days`))))))));
}
