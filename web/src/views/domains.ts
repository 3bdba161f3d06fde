import { api, ApiError, Domain, listDomains, session } from "../api";
import { dialog, h, replace, toast } from "../dom";

/**
 * The workspace's short domains, for every key; admin keys also choose where new links go and set the
 * root and not-found pages of the domains the workspace owns.
 */
export async function domainsView(): Promise<HTMLElement> {
  const list = h("div", { class: "table-wrap" });
  const load = async () => replace(list, table(await listDomains(), load));
  await load();
  return h("section", {}, h("h1", {}, "Domains"),
    h("p", { class: "muted" }, "A domain's root page is where a visit to the bare domain goes, its not-found page where a visit "
      + "to an unknown slug goes; none set: Shortstack's built-in not-found page."),
    session.can("admin") ? null : h("p", { class: "muted" }, "Only admin keys can change them."),
    list);
}

function table(domains: Domain[], reload: () => Promise<void>): HTMLElement {
  const admin = session.can("admin");
  const act = (label: string, aria: string, run: () => Promise<void>) => h("button", {
    type: "button", "aria-label": aria, onclick: async () => {
      try {
        await run();
      } catch (e) {
        toast((e as Error).message);
      }
    },
  }, label);
  // A page the workspace does not own is its owner's to set: null then says nothing about what visitors get.
  const page = (d: Domain, url: string | null) => !d.owned ? h("span", { class: "muted" }, "Not this workspace's to set")
    : url ? h("span", { class: "url" }, url) : h("span", { class: "muted" }, "Built-in page");
  return h("table", {},
    h("thead", {}, h("tr", {}, ...["Domain", "Default for new links", "Root page", "Not-found page"].map((c) => h("th", { scope: "col" }, c)),
      admin ? h("th", { scope: "col" }, h("span", { class: "sr-only" }, "Actions")) : null)),
    h("tbody", {}, ...domains.map((d) => h("tr", { "data-domain": d.domain },
      h("td", { "data-label": "Domain" }, h("code", {}, d.domain), h("div", { class: "muted small" }, d.shortBaseUrl),
        // Its owner sees the visits that found no link there.
        d.owned ? h("div", { class: "small" }, h("a", { href: `#/domains/${encodeURIComponent(d.domain)}`,
          "aria-label": `Orphan visits of ${d.domain}` }, "Orphan visits")) : null),
      h("td", { "data-label": "Default for new links" }, d.default ? "Yes" : "No"),
      h("td", { "data-label": "Root page" }, page(d, d.rootUrl)),
      h("td", { "data-label": "Not-found page" }, page(d, d.notFoundUrl)),
      admin ? h("td", { class: "row-actions" },
        d.default ? null : act("Make default", `Make default for new links: ${d.domain}`, async () => {
          await api("PATCH", `/v1/domains/${encodeURIComponent(d.domain)}`, { default: true }, undefined, MERGE_PATCH);
          toast(`New links now go to ${d.domain}`);
          await reload();
        }),
        d.owned ? act("Edit pages", `Edit pages of ${d.domain}`, async () => {
          const form = pagesForm(d, () => {
            form.closest("dialog")?.close();
            toast(`Saved the pages of ${d.domain}`);
            void reload();
          });
          await dialog(`Pages of ${d.domain}`, form, [{ label: "Cancel", value: "cancel" }]);
        }) : null) : null))));
}

const MERGE_PATCH = { "Content-Type": "application/merge-patch+json" };
const PAGES = [["rootUrl", "Root page URL"], ["notFoundUrl", "Not-found page URL"]] as const;

/** The two pages of an owned domain; an emptied field goes back to the built-in page (null). Field errors are the API's. */
function pagesForm(d: Domain, onSaved: () => void): HTMLFormElement {
  const general = h("p", { class: "field-error", role: "alert" });
  const fields = PAGES.map(([name, label]) => {
    const input = h("input", { id: `domain-${name}`, name, type: "url", value: d[name] ?? "", placeholder: "https://…",
      "aria-describedby": `domain-${name}-hint domain-${name}-error` });
    const error = h("p", { id: `domain-${name}-error`, class: "field-error" });
    const element = h("div", { class: "field" }, h("label", { for: input.id }, `${label} (optional)`), input,
      h("p", { id: `domain-${name}-hint`, class: "hint" }, "Empty: the built-in not-found page"), error);
    return { name, input, error, element };
  });
  const form = h("form", { novalidate: true }, ...fields.map((f) => f.element), general,
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Save")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    general.textContent = "";
    for (const f of fields) {
      f.error.textContent = "";
      f.input.removeAttribute("aria-invalid");
    }
    // Only what changed: an unchanged page is not written again.
    const body: Record<string, string | null> = {};
    for (const f of fields) {
      const url = f.input.value.trim() || null;
      if (url !== d[f.name]) body[f.name] = url;
    }
    if (!Object.keys(body).length) {
      onSaved();
      return;
    }
    try {
      await api<Domain>("PATCH", `/v1/domains/${encodeURIComponent(d.domain)}`, body, undefined, MERGE_PATCH);
      onSaved();
    } catch (e) {
      const fieldErrors = e instanceof ApiError ? e.fieldErrors : {};
      let first: HTMLInputElement | null = null;
      for (const [field, message] of Object.entries(fieldErrors)) {
        const f = fields.find((candidate) => candidate.name === field);
        if (f) {
          f.error.textContent = message;
          f.input.setAttribute("aria-invalid", "true");
          first ??= f.input;
        } else {
          general.textContent += `${field}: ${message} `;
        }
      }
      if (!Object.keys(fieldErrors).length) general.textContent = (e as Error).message;
      first?.focus();
    }
  });
  return form;
}
