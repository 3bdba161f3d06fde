import { api, query } from "../api";
import { formatDate, h, isoDay, plural, replace } from "../dom";
import { total } from "./link";

interface OrphanVisit {
  at: string;
  kind: OrphanKind;
  path: string;
  referrer: string | null;
  userAgent: string | null;
  country: string | null;
  bot: boolean;
}
type OrphanKind = "base_url" | "invalid_short_url" | "regular_404";

interface OrphanVisits {
  domain: string;
  from: string;
  to: string;
  kinds: Record<OrphanKind, number>;
  total: number;
  page: number;
  limit: number;
  items: OrphanVisit[];
}

/** What each kind means to someone looking at their domain (Shlink's names stay in the API). */
const KINDS: [OrphanKind, string][] = [
  ["base_url", "Root of the domain"],
  ["invalid_short_url", "Unknown slug"],
  ["regular_404", "Other path"],
];
const PAGE = 50;

/**
 * A domain's orphan visits: visits that found no link (its root, unknown slugs, other paths), the last 30 days, newest
 * first. Only the domain's owner sees them; they never count as a link's clicks.
 */
export async function orphanVisitsView(host: string): Promise<HTMLElement> {
  const to = new Date();
  const from = new Date(to.getTime() - 29 * 86_400_000);
  const summary = h("div", { class: "totals" });
  const list = h("div", { class: "table-wrap" });
  const pager = h("nav", { class: "pager", "aria-label": "Pages" });
  let page = 1;
  const load = async () => {
    const visits = await api<OrphanVisits>("GET", `/v1/domains/${encodeURIComponent(host)}/visits${query({
      from: isoDay(from), to: isoDay(to), page: String(page), limit: String(PAGE) })}`);
    replace(summary, ...KINDS.map(([kind, label]) => total(label, visits.kinds[kind])));
    replace(list, visits.items.length === 0
      ? h("p", { class: "muted" }, page === 1 ? "No visits found no link in these 30 days." : "No more visits.")
      : table(visits.items));
    const pages = Math.max(1, Math.ceil(visits.total / PAGE));
    replace(pager,
      h("button", { type: "button", disabled: page <= 1, onclick: () => { page -= 1; void load(); } }, "← Newer"),
      h("span", { class: "muted" }, `Page ${page} of ${pages} · ${plural(visits.total, "visit")}`),
      h("button", { type: "button", disabled: page >= pages, onclick: () => { page += 1; void load(); } }, "Older →"));
  };
  await load();
  return h("section", {},
    h("p", {}, h("a", { href: "#/domains" }, "← Domains")),
    h("h1", {}, `Orphan visits of ${host}`),
    h("p", { class: "muted" }, "Visits to this domain that found no link, in the last 30 days (UTC): the bare domain, slugs no "
      + "link has, any other path. They are not any link's clicks."),
    summary, list, pager);
}

function table(visits: OrphanVisit[]): HTMLElement {
  const kindLabel = new Map(KINDS);
  return h("table", {},
    h("thead", {}, h("tr", {}, ...["When", "Kind", "Path", "Referrer", "Country", "Visitor"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, ...visits.map((v) => h("tr", {},
      h("td", { "data-label": "When" }, formatDate(v.at)),
      h("td", { "data-label": "Kind" }, kindLabel.get(v.kind) ?? v.kind),
      h("td", { "data-label": "Path" }, h("code", {}, v.path)),
      h("td", { "data-label": "Referrer" }, v.referrer ?? h("span", { class: "muted" }, "none")),
      h("td", { "data-label": "Country" }, v.country ?? "—"),
      h("td", { "data-label": "Visitor" }, v.bot ? "Bot" : "Person")))));
}
