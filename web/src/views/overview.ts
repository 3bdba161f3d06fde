import { api, ApiError, Domain, linkHash, linkKey, LinkRef, linkPath, listDomains, query } from "../api";
import { clickLines, sparkline, timeChart } from "../charts";
import { formatNumber, h } from "../dom";
import { change, previousRange, rangeForm, readRange, routeParams } from "../range";
import { LIVE_TITLE, total } from "./link";
import { liveCard } from "../live";

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
 * The workspace at a glance: human and bot clicks over a range (30 days unless the route says) against the
 * period before, the top links (one row per link, so a slug deleted and created again shows twice), each
 * current one with its own sparkline.
 */
export async function overviewView(): Promise<HTMLElement> {
  // The workspace's figures are by UTC day: "24 hours" is today's.
  const chosen = readRange(routeParams(), "30d", true);
  const previous = previousRange(chosen);
  const range = { from: chosen.from, to: chosen.to };
  // (The domains only help find top links off the default domain: without them, the overview still stands.)
  const [stats, before, domains] = await Promise.all([api<WorkspaceStats>("GET", `/v1/stats${query({ ...range, top: 10 })}`),
    api<WorkspaceStats>("GET", `/v1/stats${query({ from: previous.from, to: previous.to, top: 1 })}`).catch(() => null),
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
  const period = chosen.label;
  return h("section", {},
    h("h1", {}, "Overview"),
    liveCard(LIVE_TITLE, "/v1/stats/live"),
    rangeForm(chosen, false),
    h("div", { class: "totals" },
      total(`Human clicks, ${period}`, stats.totals.human, before ? change(stats.totals.human, before.totals.human, chosen) : undefined),
      total(`Bot clicks, ${period}`, stats.totals.bot, before ? change(stats.totals.bot, before.totals.bot, chosen) : undefined)),
    timeChart("Clicks per day", stats.series.map((s) => s.start),
      clickLines(stats.series, before && { label: `human, ${chosen.lengthLabel}`, points: before.series }), "workspace-clicks.csv"),
    h("section", { class: "card" }, h("h2", { id: "top-links" }, "Top links"),
      stats.topLinks.length === 0 ? h("p", { class: "muted" }, `No clicks, ${period}.`) :
        h("div", { class: "table-wrap" }, h("table", { "aria-labelledby": "top-links" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Link"), h("th", { scope: "col", class: "num" }, "Human clicks"),
            h("th", { scope: "col", class: "num" }, "Bot clicks"), h("th", { scope: "col" }, "Human clicks per day"))),
          h("tbody", {}, ...stats.topLinks.map((link, i) => {
            const { ref, line } = found[i];
            const name = linkKey(ref);
            return h("tr", { "data-link-id": link.linkId },
              h("th", { scope: "row" }, ...(line === "deleted"
                ? [link.slug, " ", h("span", { class: "muted" }, "(deleted)")]
                : [h("a", { href: linkHash(ref) }, name)])),
              h("td", { class: "num", "data-label": "Human clicks" }, formatNumber(link.human)),
              h("td", { class: "num", "data-label": "Bot clicks" }, formatNumber(link.bot)),
              h("td", { "data-label": "Human clicks per day" }, line === "deleted" ? h("span", { class: "muted" }, "–")
                : sparkline(line, `${name}: ${formatNumber(link.human)} human clicks, ${period}`)));
          }))))));
}


