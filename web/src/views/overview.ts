import { api, ApiError, Domain, linkHash, linkKey, LinkRef, linkPath, listDomains, query } from "../api";
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

/** A top link found again: where it is (its page), and its line. */
interface Found {
  ref: LinkRef;
  line: Line;
}

/**
 * The workspace at a glance: human and bot clicks over 30 days, the top links (one row per link,
 * so a slug deleted and created again shows twice), each current one with its own sparkline.
 */
export async function overviewView(): Promise<HTMLElement> {
  const to = new Date();
  const range = { from: isoDay(new Date(to.getTime() - 29 * 86_400_000)), to: isoDay(to) };
  // (The domains only help find top links off the default domain: without them, the overview still stands.)
  const [stats, domains] = await Promise.all([api<WorkspaceStats>("GET", `/v1/stats${query({ ...range, top: 10 })}`),
    listDomains().catch((): Domain[] => [])]);
  // One read per slug and domain, shared by rows of the same slug: its series is the current link's, and its linkId
  // tells which row that is. (null: no link has the slug there now; undefined: the read failed.)
  const reads = new Map<string, Promise<LinkSeries | null | undefined>>();
  const read = (ref: LinkRef) => {
    const key = linkKey(ref);
    if (!reads.has(key)) {
      reads.set(key, api<LinkSeries>("GET", linkPath(ref, "/stats", { ...range, dimensions: "bot", top: 1 }))
        .catch((e) => e instanceof ApiError && e.status === 404 ? null : undefined));
    }
    return reads.get(key)!;
  };
  const others = domains.filter((d) => !d.stageDefault).map((d) => d.domain);
  // Top links name their slug only: a link not on the default domain is looked for on the others (they are few).
  const find = async (link: WorkspaceStats["topLinks"][number]): Promise<Found> => {
    const home = { slug: link.slug, domain: null };
    const s = await read(home);
    if (s && (!s.linkId || s.linkId === link.linkId)) return { ref: home, line: s.series.map((p) => p.human) };
    const elsewhere = await Promise.all(others.map(async (domain) => ({ domain, s: await read({ slug: link.slug, domain }) })));
    const found = elsewhere.find(({ s: o }) => o?.linkId === link.linkId);
    if (found) return { ref: { slug: link.slug, domain: found.domain }, line: found.s!.series.map((p) => p.human) };
    // A failed read leaves the row as it is (a link, no line); only answers that name other links or none mean deleted.
    return { ref: home, line: s === undefined ? [] : "deleted" };
  };
  const found = await Promise.all(stats.topLinks.map(find));
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
          h("tbody", {}, ...stats.topLinks.map((link, i) => {
            const { ref, line } = found[i];
            const name = linkKey(ref);
            return h("tr", { "data-link-id": link.linkId },
              h("th", { scope: "row" }, ...(line === "deleted"
                ? [link.slug, " ", h("span", { class: "muted" }, "(deleted)")]
                : [h("a", { href: linkHash(ref) }, name)])),
              h("td", { class: "num", "data-label": "Human clicks" }, formatNumber(link.human)),
              h("td", { class: "num", "data-label": "Bot clicks" }, formatNumber(link.bot)),
              h("td", { "data-label": "Last 30 days" }, line === "deleted" ? h("span", { class: "muted" }, "–")
                : sparkline(line, `${name}: ${formatNumber(link.human)} human clicks over 30 days`)));
          }))))));
}

function total(label: string, value: number): HTMLElement {
  return h("div", { class: "total card" }, h("div", { class: "total-label" }, label),
    h("div", { class: "total-value", "data-total": label }, formatNumber(value)));
}
