import { Link, session } from "../api";
import { BatchResult, deleteAny, forgetTags, LINK_CAP, listAllLinks, patchAny, progressPanel } from "../batch";
import { toCsv } from "../csv";
import { dialog, download, formatNumber, h, isoDay, plural, toast } from "../dom";

/** A link's place in a selection: its domain and slug (a slug is unique per domain only). */
const keyOf = (link: Link) => `${link.domain}/${link.slug}`;

export interface BulkTools {
  /** The toolbar: what is selected, selecting more, and the actions on the selection. */
  element: HTMLElement;
  /** A row's checkbox, named after the link. */
  rowBox: (link: Link, name: string) => HTMLInputElement;
  /** The header's "select all on this page", for the links shown. */
  pageBox: (links: Link[]) => HTMLInputElement;
}

/**
 * Actions on many links at once: a selection kept across pages (and "all matching the search",
 * read page by page), then tags added or removed, disabled or enabled, deleted after a confirmation
 * that says how many, or exported as CSV in the browser. Each action says how many succeeded and names
 * the links that failed.
 */
export function bulkTools(filter: () => { q: string; tag: string }, reload: () => Promise<void>): BulkTools {
  const selected = new Map<string, Link>();
  const boxes = new Map<string, HTMLInputElement>();
  let pageLinks: Link[] = [];
  let pageAll: HTMLInputElement | null = null;
  const count = h("p", { class: "selected-count", role: "status", "aria-live": "polite" });
  const progress = progressPanel();
  const writer = session.can("write");
  const buttons: HTMLButtonElement[] = [];
  const button = (label: string, onclick: () => void, danger = false) => {
    const b = h("button", { type: "button", class: danger ? "danger" : "", onclick }, label);
    buttons.push(b);
    return b;
  };

  const refresh = () => {
    count.textContent = selected.size ? `${plural(selected.size, "link")} selected` : "No link selected";
    for (const b of buttons) b.disabled = selected.size === 0;
    for (const [key, box] of boxes) box.checked = selected.has(key);
    if (pageAll) {
      const on = pageLinks.filter((l) => selected.has(keyOf(l))).length;
      pageAll.checked = pageLinks.length > 0 && on === pageLinks.length;
      pageAll.indeterminate = on > 0 && on < pageLinks.length;
    }
  };

  const selectMatching = async () => {
    const { q, tag } = filter();
    count.textContent = "Reading the matching links…";
    try {
      const { links, capped } = await listAllLinks({ q, tag }, (read) => (count.textContent = `Reading the matching links… ${formatNumber(read)}`));
      for (const link of links) selected.set(keyOf(link), link);
      refresh();
      if (capped) count.textContent += ` (the first ${formatNumber(LINK_CAP)} matching: more match than a browser should page through)`;
    } catch (e) {
      count.textContent = `The matching links could not be read: ${(e as Error).message}`;
    }
  };

  // After an action: the selection holds the links as saved, minus those deleted; the list shows them.
  const finish = async (verb: string, result: BatchResult, chosen: Link[]) => {
    toast(`${verb}: ${result.succeeded} of ${plural(chosen.length, "link")}${result.failed.length ? `, ${result.failed.length} failed` : ""}`);
    forgetTags();
    await reload();
  };
  const run = async (verb: string, work: (link: Link) => Promise<Link | void>) => {
    const chosen = [...selected.values()];
    for (const b of buttons) b.disabled = true;
    const result = await progress.run(verb, chosen, async (link) => {
      const saved = await work(link);
      if (saved) selected.set(keyOf(link), saved);
      else selected.delete(keyOf(link));
    });
    await finish(verb, result, chosen);
    refresh();
  };
  const askTag = async (title: string, action: string): Promise<string | null> => {
    const input = h("input", { id: "bulk-tag", type: "text", required: true, autocomplete: "off" });
    const answer = await dialog(title, h("div", { class: "field" }, h("label", { for: "bulk-tag" }, "Tag"), input,
      h("p", { class: "hint" }, `On ${plural(selected.size, "selected link")}`)),
    [{ label: "Cancel", value: "cancel" }, { label: action, value: "ok", primary: true }]);
    return answer === "ok" && input.value.trim() ? input.value.trim() : null;
  };

  const actions = writer ? [
    button("Add tag", async () => {
      const tag = await askTag("Add a tag to the selected links", "Add tag");
      if (tag) await run(`Adding the tag ${tag}`, (l) => patchAny(l, { tags: [...new Set([...l.tags, tag])] }));
    }),
    button("Remove tag", async () => {
      const tag = await askTag("Remove a tag from the selected links", "Remove tag");
      if (tag) await run(`Removing the tag ${tag}`, (l) => patchAny(l, { tags: l.tags.filter((t) => t !== tag) }));
    }),
    button("Disable", () => void run("Disabling", (l) => patchAny(l, { disabled: true }))),
    button("Enable", () => void run("Enabling", (l) => patchAny(l, { disabled: false }))),
    button("Delete", async () => {
      const n = plural(selected.size, "link");
      const answer = await dialog(`Delete ${n}?`, h("p", {}, `${n} will stop redirecting at once. This cannot be undone.`),
        [{ label: "Cancel", value: "cancel" }, { label: `Delete ${n}`, value: "delete", danger: true }]);
      if (answer === "delete") await run("Deleting", async (l) => void (await deleteAny(l)));
    }, true),
  ] : [];
  const exportCsv = button("Export CSV", () => {
    const links = [...selected.values()];
    download(`links-${isoDay(new Date())}.csv`, toCsv(["shortUrl", "domain", "slug", "url", "title", "tags", "state", "createdAt"],
      links.map((l) => [l.shortUrl, l.domain, l.slug, l.url, l.title, l.tags.join("|"), l.state, l.createdAt])), "text/csv");
    toast(`Exported ${plural(links.length, "link")}`);
  });
  const element = h("div", { class: "bulk card", role: "group", "aria-label": "Selected links" },
    h("div", { class: "bulk-row" }, count,
      h("button", { type: "button", class: "link-button", onclick: () => void selectMatching() }, "Select all matching the search"),
      h("button", { type: "button", class: "link-button", onclick: () => { selected.clear(); refresh(); } }, "Clear selection")),
    h("div", { class: "bulk-row" }, ...actions, exportCsv),
    progress.element);
  refresh();

  return {
    element,
    rowBox: (link, name) => {
      const box = h("input", { type: "checkbox", class: "select", "aria-label": `Select ${name}` });
      box.addEventListener("change", () => {
        if (box.checked) selected.set(keyOf(link), link);
        else selected.delete(keyOf(link));
        refresh();
      });
      boxes.set(keyOf(link), box);
      box.checked = selected.has(keyOf(link));
      return box;
    },
    pageBox: (links) => {
      pageLinks = links;
      boxes.clear();
      pageAll = h("input", { type: "checkbox", class: "select", "aria-label": "Select all on this page" });
      const box = pageAll;
      box.addEventListener("change", () => {
        for (const link of pageLinks) {
          if (box.checked) selected.set(keyOf(link), link);
          else selected.delete(keyOf(link));
        }
        refresh();
      });
      queueMicrotask(refresh);
      return box;
    },
  };
}
