import { api, ApiError, query } from "../api";
import { sparkline, timeChart } from "../charts";
import { formatNumber, h, isoDay } from "../dom";

interface WorkspaceStats {
  totals: { human: number; bot: number };
  series: { start: string; human: number; bot: number }[];
  topLinks: { linkId: string; slug: string; human: number; bot: number }[];
}

interface LinkSeries {
  linkId?: string;
  series: { start: string; human: number }[];
}

/** A top link's line, or "deleted": its slug now names another link, or none. */
type Line = number[] | "deleted";

/**
 * The workspace at a glance: human and bot clicks over 30 days, the top links (one row per link,
 * so a slug deleted and created again shows twice), each current one with its own sparkline.
 */
export async function overviewView(): Promise<HTMLElement> {
  const to = new Date();
  const range = { from: isoDay(new Date(to.getTime() - 29 * 86_400_000)), to: isoDay(to) };
  const stats = await api<WorkspaceStats>("GET", `/v1/stats${query({ ...range, top: 10 })}`);
  // One read per slug: its series is the current link's, and its linkId tells which row that is.
  const slugs = [...new Set(stats.topLinks.map((link) => link.slug))];
  // (null: no link has the slug now; undefined: the read failed, so the row stays as it is.)
  const current = new Map<string, LinkSeries | null | undefined>(await Promise.all(slugs.map(async (slug) => {
    try {
      return [slug, await api<LinkSeries>("GET", `/v1/links/${encodeURIComponent(slug)}/stats${query({ ...range, dimensions: "bot", top: 1 })}`)] as const;
    } catch (e) {
      return [slug, e instanceof ApiError && e.status === 404 ? null : undefined] as const;
    }
  })));
  const lineOf = (link: WorkspaceStats["topLinks"][number]): Line => {
    const s = current.get(link.slug);
    if (s === null || (s?.linkId && s.linkId !== link.linkId)) return "deleted";
    return s ? s.series.map((p) => p.human) : [];
  };
  return h("section", {},
    h("h1", {}, "Overview"),
    h("div", { class: "totals" },
      total("Human clicks, last 30 days", stats.totals.human),
      total("Bot clicks, last 30 days", stats.totals.bot)),
    timeChart("Clicks per day", stats.series.map((s) => s.start),
      [{ label: "human", values: stats.series.map((s) => s.human), colour: "#2b6cb0" },
        { label: "bot", values: stats.series.map((s) => s.bot), colour: "#c05621" }], "workspace-clicks.csv"),
    h("section", { class: "card" }, h("h2", { id: "top-links" }, "Top links"),
      stats.topLinks.length === 0 ? h("p", { class: "muted" }, "No clicks in the last 30 days.") :
        h("div", { class: "table-wrap" }, h("table", { "aria-labelledby": "top-links" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Link"), h("th", { scope: "col", class: "num" }, "Human clicks"),
            h("th", { scope: "col", class: "num" }, "Bot clicks"), h("th", { scope: "col" }, "Last 30 days"))),
          h("tbody", {}, ...stats.topLinks.map((link) => {
            const line = lineOf(link);
            return h("tr", { "data-link-id": link.linkId },
              h("th", { scope: "row" }, ...(line === "deleted"
                ? [link.slug, " ", h("span", { class: "muted" }, "(deleted)")]
                : [h("a", { href: `#/links/${encodeURIComponent(link.slug)}` }, link.slug)])),
              h("td", { class: "num", "data-label": "Human clicks" }, formatNumber(link.human)),
              h("td", { class: "num", "data-label": "Bot clicks" }, formatNumber(link.bot)),
              h("td", { "data-label": "Last 30 days" }, line === "deleted" ? h("span", { class: "muted" }, "–")
                : sparkline(line, `${link.slug}: ${formatNumber(link.human)} human clicks over 30 days`)));
          }))))));
}

function total(label: string, value: number): HTMLElement {
  return h("div", { class: "total card" }, h("div", { class: "total-label" }, label),
    h("div", { class: "total-value", "data-total": label }, formatNumber(value)));
}
