import { api, Domain, Link, linkHash, linkKey, linkPath, linkRef, listDomains, query, session } from "../api";
import { dialog, formatDate, formatNumber, h, replace, toast } from "../dom";
import { routeParams } from "../range";
import { BulkTools, bulkTools } from "./bulk";
import { linkForm, patchLink } from "./linkForm";

interface Page {
  items: Link[];
  nextCursor: string | null;
}

interface LinkClicks {
  links: { slug: string; key: string; linkId: string; human: number; bot: number }[];
}

const CLICKS = "Clicks (30 d)";

/** The workspace's links: search, tag filter, pages, and every action on a link. */
export async function linksView(): Promise<HTMLElement> {
  // "#/links?tag=spring" (the tags page links there) or "?q=": the list starts filtered.
  const params = routeParams();
  const state = { q: params.get("q") ?? "", tag: params.get("tag") ?? "", cursors: [] as (string | null)[], cursor: null as string | null };
  const body = h("div", { class: "table-wrap" });
  const pager = h("nav", { class: "pager", "aria-label": "Pages" });
  const search = h("input", { id: "search", type: "search", placeholder: "part of a slug or URL", autocomplete: "off", value: state.q });
  const tag = h("input", { id: "tag", type: "text", placeholder: "a tag", autocomplete: "off", value: state.tag });

  // Read once for the view, alongside the first page: links are addressed, named and created by their domain.
  const domainsRead = listDomains();
  const bulk = bulkTools(() => ({ q: state.q, tag: state.tag }), () => load());
  let domains: Domain[] = [];
  const load = async () => {
    const [list, page] = await Promise.all([domainsRead,
      api<Page>("GET", `/v1/links${query({ limit: 20, q: state.q, tag: state.tag, cursor: state.cursor })}`)]);
    domains = list;
    // By link key: the same slug may be on two domains of the page.
    const clicks = new Map(page.items.map((link) => [linkKey(linkRef(link, domains)), h("td", { "data-label": CLICKS, class: "num" },
      h("span", { class: "clicks" }, "…"))]));
    replace(body, page.items.length === 0
      ? h("p", { class: "muted" }, state.q || state.tag ? "No link matches." : emptyState())
      : table(page.items, domains, clicks, load, bulk));
    replace(pager,
      h("button", {
        type: "button", disabled: state.cursors.length === 0, onclick: () => {
          state.cursor = state.cursors.pop() ?? null;
          void load();
        },
      }, "← Newer"),
      h("button", {
        type: "button", disabled: !page.nextCursor, onclick: () => {
          state.cursors.push(state.cursor);
          state.cursor = page.nextCursor;
          void load();
        },
      }, "Older →"));
    if (page.items.length) void fillClicks(clicks);
  };
  const filter = (event: Event) => {
    event.preventDefault();
    state.q = search.value.trim();
    state.tag = tag.value.trim();
    state.cursor = null;
    state.cursors = [];
    void load();
  };
  const create = async () => {
    const form = linkForm(null, domains, (link) => {
      form.closest("dialog")?.close();
      toast(`Created ${link.shortUrl}`);
      void load();
    });
    await dialog("New link", form, [{ label: "Cancel", value: "cancel" }]);
  };

  await load();
  return h("section", {},
    h("div", { class: "heading" }, h("h1", {}, "Links"),
      session.can("write") ? h("button", { type: "button", class: "primary", onclick: create }, "New link") : null),
    h("form", { class: "filters", role: "search", onsubmit: filter },
      h("div", { class: "field" }, h("label", { for: "search" }, "Search"), search),
      h("div", { class: "field" }, h("label", { for: "tag" }, "Tag"), tag),
      h("button", { type: "submit" }, "Filter")),
    bulk.element,
    body,
    pager);
}

/**
 * The page's click counts of the last 30 days, in one read after the page is listed: human clicks,
 * bots in small text; "—" when they cannot be read (the list is already there).
 */
async function fillClicks(cells: Map<string, HTMLTableCellElement>): Promise<void> {
  const keys = [...cells.keys()].map(encodeURIComponent).join(",");
  const counts = await api<LinkClicks>("GET", `/v1/stats/links?slugs=${keys}`).then((c) => c.links, () => []);
  for (const { key, human, bot } of counts) {
    const cell = cells.get(key);
    if (!cell) continue;
    cells.delete(key);
    const title = `${formatNumber(human)} human and ${formatNumber(bot)} bot clicks in the last 30 days`;
    replace(cell, h("span", { class: "clicks", title }, formatNumber(human)),
      bot ? h("div", { class: "muted small bots" }, `+${formatNumber(bot)} bot${bot === 1 ? "" : "s"}`) : null);
  }
  for (const cell of cells.values()) {
    replace(cell, h("span", { class: "clicks", title: "The click count could not be read" }, "—"),
      h("span", { class: "sr-only" }, " (not available)"));
  }
}

function table(links: Link[], domains: Domain[], clicks: Map<string, HTMLTableCellElement>, reload: () => Promise<void>,
               bulk: BulkTools): HTMLElement {
  return h("table", { class: "links" },
    h("thead", {}, h("tr", {},
      h("th", { scope: "col", class: "select-col" }, bulk.pageBox(links)),
      h("th", { scope: "col" }, "Short link"), h("th", { scope: "col" }, "Destination"), h("th", { scope: "col" }, "Tags"),
      h("th", { scope: "col" }, "State"), h("th", { scope: "col", class: "num" }, CLICKS), h("th", { scope: "col" }, "Created"),
      h("th", { scope: "col" }, h("span", { class: "sr-only" }, "Actions")))),
    h("tbody", {}, ...links.map((link) => {
      const ref = linkRef(link, domains);
      const key = linkKey(ref);
      return h("tr", { "data-slug": link.slug, "data-key": key },
        h("td", { class: "select-col" }, bulk.rowBox(link, key)),
        h("td", { "data-label": "Short link" }, h("a", { href: linkHash(ref) }, link.slug),
          // Which domain, at a glance, where there is more than one (the short URL below says it in full).
          domains.length > 1 ? h("span", { class: "domain" }, link.domain) : null,
          link.title ? h("div", { class: "link-title" }, link.title) : null,
          h("div", { class: "muted small" }, link.shortUrl)),
        h("td", { "data-label": "Destination", class: "url" }, link.url),
        h("td", { "data-label": "Tags" }, ...link.tags.map((t) => h("span", { class: "tag" }, t))),
        h("td", { "data-label": "State" }, h("span", { class: `state state-${link.state}` }, link.state)),
        clicks.get(key),
        h("td", { "data-label": "Created" }, formatDate(link.createdAt)),
        h("td", { class: "row-actions" }, ...actions(link, domains, reload)));
    })));
}

/** Copy and QR for every key; edit, disable and delete only for keys that may write. */
function actions(link: Link, domains: Domain[], reload: () => Promise<void>): HTMLElement[] {
  const ref = linkRef(link, domains);
  // Named by key, so a slug on two domains gives two distinct names ("go.example.com/sale").
  const name = linkKey(ref);
  const label = (verb: string) => `${verb} ${name}`;
  const reading = [
    h("button", {
      type: "button", "aria-label": label("Copy the short URL of"), onclick: async () => {
        await navigator.clipboard.writeText(link.shortUrl);
        toast(`Copied ${link.shortUrl}`);
      },
    }, "Copy"),
    h("button", { type: "button", "aria-label": label("QR code of"), onclick: () => showQr(link, name) }, "QR"),
  ];
  if (!session.can("write")) return reading;
  return [...reading,
    h("button", {
      type: "button", "aria-label": label("Edit"), onclick: async () => {
        const form = linkForm(link, domains, () => {
          form.closest("dialog")?.close();
          toast(`Saved ${name}`);
          void reload();
        });
        await dialog(`Edit ${name}`, form, [{ label: "Cancel", value: "cancel" }]);
      },
    }, "Edit"),
    h("button", {
      type: "button", "aria-label": label(link.disabled ? "Enable" : "Disable"), onclick: async () => {
        await patchLink(link, domains, { disabled: !link.disabled });
        toast(`${name} ${link.disabled ? "enabled" : "disabled"}`);
        void reload();
      },
    }, link.disabled ? "Enable" : "Disable"),
    h("button", {
      type: "button", class: "danger", "aria-label": label("Delete"), onclick: async () => {
        const answer = await dialog(`Delete ${name}?`,
          h("p", {}, `${link.shortUrl} will stop redirecting at once. This cannot be undone.`),
          [{ label: "Cancel", value: "cancel" }, { label: "Delete", value: "delete", danger: true }]);
        if (answer === "delete") {
          await api("DELETE", linkPath(ref), undefined, undefined, { "If-Match": `"${link.version}"` });
          toast(`Deleted ${name}`);
          void reload();
        }
      },
    }, "Delete"),
  ];
}

async function showQr(link: Link, name: string): Promise<void> {
  // The QR encoder loads with the first QR code asked for: most visits never need it.
  const { qrSvg } = await import("../qr");
  const svg = qrSvg(link.shortUrl);
  const figure = h("figure", { class: "qr" });
  figure.innerHTML = svg;
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  figure.appendChild(h("figcaption", {}, link.shortUrl));
  const body = h("div", {}, figure, h("a", { href: url, download: `${name.replace("/", "-")}-qr.svg`, class: "button" }, "Download SVG"));
  await dialog(`QR code for ${name}`, body, [{ label: "Close", value: "close" }]);
  URL.revokeObjectURL(url);
}

/** What a new workspace sees: the three ways to its first links. */
function emptyState(): string {
  return "No links yet. Create one with New link (or press n), bring yours from Bitly, Shlink or Dub under "
    + "Imports & exports, or call the API: GET /v1/openapi.json describes it.";
}
