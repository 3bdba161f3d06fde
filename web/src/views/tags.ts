import { Link, session } from "../api";
import { forgetTags, LINK_CAP, listAllLinks, patchAny, progressPanel, tagCounts } from "../batch";
import { dialog, formatNumber, h, plural, replace, toast } from "../dom";

/**
 * The workspace's tags with how many links have each (counted from the links themselves, up to
 * LINK_CAP of them); a tag opens the links list filtered by it; a key that may write renames or
 * removes a tag on every link that has it.
 */
export async function tagsView(): Promise<HTMLElement> {
  const reading = h("p", { class: "muted", role: "status", "aria-live": "polite" }, "Reading links…");
  const { links, capped } = await listAllLinks({}, (read) => (reading.textContent = `Reading links… ${formatNumber(read)}`));
  const progress = progressPanel();
  const body = h("div", {});
  const show = (all: Link[]) => {
    const counts = tagCounts(all);
    replace(body, counts.length === 0 ? h("p", { class: "muted" }, "No link has a tag yet.") :
      h("div", { class: "table-wrap" }, h("table", { class: "tags", "aria-labelledby": "tags-heading" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Tag"), h("th", { scope: "col", class: "num" }, "Links"),
          h("th", { scope: "col" }, h("span", { class: "sr-only" }, "Actions")))),
        h("tbody", {}, ...counts.map(([tag, count]) => h("tr", { "data-tag": tag },
          h("th", { scope: "row" }, h("a", { href: `#/links?tag=${encodeURIComponent(tag)}`, class: "tag" }, tag)),
          h("td", { class: "num", "data-label": "Links" }, formatNumber(count)),
          h("td", { class: "row-actions" }, ...(session.can("write") ? [
            h("button", { type: "button", "aria-label": `Rename the tag ${tag}`, onclick: () => rename(tag) }, "Rename"),
            h("button", { type: "button", class: "danger", "aria-label": `Delete the tag ${tag}`, onclick: () => remove(tag, count) }, "Delete"),
          ] : []))))))));
  };
  const withTag = (tag: string) => links.filter((link) => link.tags.includes(tag));
  // Each link is changed as it is now (If-Match: *); its new tags replace the ones read, the tag renamed or gone.
  const change = async (tag: string, verb: string, next: (tags: string[]) => string[]) => {
    const chosen = withTag(tag);
    const result = await progress.run(verb, chosen, async (link) => {
      const saved = await patchAny(link, { tags: next(link.tags) });
      links[links.indexOf(link)] = saved;
    });
    forgetTags();
    show(links);
    toast(`${verb}: ${result.succeeded} of ${plural(chosen.length, "link")}${result.failed.length ? `, ${result.failed.length} failed` : ""}`);
  };
  const rename = async (tag: string) => {
    const input = h("input", { id: "new-tag", type: "text", value: tag, required: true, autocomplete: "off" });
    const answer = await dialog(`Rename the tag ${tag}`, h("div", { class: "field" },
      h("label", { for: "new-tag" }, "New name"), input,
      h("p", { class: "hint" }, `On ${plural(withTag(tag).length, "link")}; a link that has both keeps one.`)),
    [{ label: "Cancel", value: "cancel" }, { label: "Rename", value: "rename", primary: true }]);
    const name = input.value.trim();
    if (answer !== "rename" || !name || name === tag) return;
    await change(tag, `Renaming ${tag} to ${name}`, (tags) => [...new Set(tags.map((t) => (t === tag ? name : t)))]);
  };
  const remove = async (tag: string, count: number) => {
    const answer = await dialog(`Delete the tag ${tag}?`, h("p", {}, `The tag is taken off ${plural(count, "link")}; the links stay.`),
      [{ label: "Cancel", value: "cancel" }, { label: `Delete from ${plural(count, "link")}`, value: "delete", danger: true }]);
    if (answer === "delete") await change(tag, `Deleting ${tag}`, (tags) => tags.filter((t) => t !== tag));
  };
  show(links);
  return h("section", {},
    h("h1", { id: "tags-heading" }, "Tags"),
    h("p", { class: "muted" }, capped
      ? `Counted from the newest ${formatNumber(LINK_CAP)} links only: the workspace has more, so counts may be low and older tags missing.`
      : `Counted from all ${plural(links.length, "link")}.`),
    progress.element,
    body);
}
