import { api, ApiError, Domain, Link, linkPath, linkRef, UTM_FIELDS } from "../api";
import { knownTags } from "../batch";
import { h, replace } from "../dom";
import { rulesEditor } from "./rulesEditor";

/**
 * The create and edit form. Field errors come from the API's problem+json `errors`, shown next
 * to their field, so the dashboard never disagrees with the API about what is valid.
 * `domains`: the workspace's short domains (GET /v1/domains), offered on create when there is a choice.
 */
export function linkForm(existing: Link | null, domains: Domain[], onSaved: (link: Link) => void): HTMLFormElement {
  const fields: Record<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement> = {};
  const errors: Record<string, HTMLElement> = {};
  const row = (name: string, label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string) => {
    control.id = `link-${name}`;
    control.name = name;
    fields[name] = control;
    errors[name] = h("p", { id: `link-${name}-error`, class: "field-error" });
    control.setAttribute("aria-describedby", `link-${name}-error${hint ? ` link-${name}-hint` : ""}`);
    return h("div", { class: "field" },
      h("label", { for: control.id }, label),
      control,
      hint ? h("p", { id: `link-${name}-hint`, class: "hint" }, hint) : null,
      errors[name]);
  };
  const redirect = h("select", {}, ...[302, 301, 307, 308].map((code) =>
    h("option", { value: code, selected: (existing?.redirectType ?? 302) === code }, `${code}${code === 302 ? " (default)" : ""}`)));
  // The note under the redirect type says what a permanent redirect costs in counted visits, when one is chosen.
  const showPermanentNote = () => {
    const hint = document.getElementById("link-redirectType-hint");
    if (hint) hint.hidden = !["301", "308"].includes(redirect.value);
  };
  redirect.addEventListener("change", showPermanentNote);
  queueMicrotask(showPermanentNote);
  // A link's domain is chosen once, on create; a workspace with one domain keeps the form it always had.
  const domain = !existing && domains.length > 1
    ? h("select", {}, ...domains.map((d) => h("option", { value: d.domain, selected: d.default }, `${d.domain}${d.default ? " (default)" : ""}`)))
    : null;
  const suggestions = h("datalist", { id: "tag-suggestions" });
  const general = h("p", { class: "field-error", role: "alert" });
  const rules = rulesEditor(existing?.rules ?? []);
  const form = h("form", { class: "link-form", novalidate: true },
    row("url", "Destination URL", h("input", { type: "url", required: true, value: existing?.url ?? "", placeholder: "https://…" })),
    row("title", "Title (optional)", h("input", { type: "text", maxlength: 200, value: existing?.title ?? "" }), "What the link is, for people; searchable"),
    domain ? row("domain", "Domain", domain, "The short URL's host: each domain has slugs of its own") : null,
    existing ? null : row("slug", "Slug (optional)", h("input", { type: "text", value: "", placeholder: "random if empty", autocomplete: "off" }), "3–64 letters, digits, - or _"),
    row("expiresAt", "Expires (optional)", h("input", { type: "datetime-local", value: existing?.expiresAt ? existing.expiresAt.slice(0, 16) : "" }), "Your local time"),
    row("maxVisits", "Max visits (optional)", h("input", { type: "number", min: 1, step: 1, value: existing?.maxVisits ?? "" })),
    row("redirectType", "Redirect", redirect, PERMANENT_NOTE),
    row("fallbackUrl", "Fallback URL (optional)", h("input", { type: "url", value: existing?.fallbackUrl ?? "", placeholder: "https://…" }),
      "Where visitors go once the link has expired, is disabled or used up, instead of a “no longer available” page"),
    row("password", existing?.passwordProtected ? "New password (optional)" : "Password (optional)",
      h("input", { type: "password", autocomplete: "new-password", minlength: 4, maxlength: 128, value: "" }),
      existing?.passwordProtected ? "The link has a password; type a new one to change it" : "Visitors must enter it before they are sent on (4–128 characters)"),
    existing?.passwordProtected ? row("removePassword", "Remove the password", h("input", { type: "checkbox" })) : null,
    row("forwardQuery", "Forward the visitor’s query string", h("input", { type: "checkbox", checked: existing?.forwardQuery ?? true }),
      "Adds what follows “?” in the short link to the destination (a visitor’s parameter replaces the destination’s of the same name)"),
    row("tags", "Tags (optional)", tagsInput(existing?.tags ?? []), "Comma-separated; the workspace's tags are suggested"),
    suggestions,
    h("fieldset", { class: "utm" }, h("legend", {}, "UTM parameters (optional), added to the destination URL"),
      ...UTM_FIELDS.map((field) => row(`utm-${field}`, `utm_${field}`,
        h("input", { type: "text", maxlength: 200, value: existing?.utm?.[field] ?? "" })))),
    row("description", "Description (optional)", h("textarea", { maxlength: 1000, rows: 2 }, existing?.description ?? "")),
    h("fieldset", { class: "utm" }, h("legend", {}, "Social preview (optional): what Slack, X, LinkedIn and other link cards show"),
      row("preview-title", "Card title", h("input", { type: "text", maxlength: 200, value: existing?.preview?.title ?? "" })),
      row("preview-description", "Card description", h("input", { type: "text", maxlength: 1000, value: existing?.preview?.description ?? "" })),
      row("preview-image", "Card image URL", h("input", { type: "url", value: existing?.preview?.image ?? "", placeholder: "https://…" }))),
    rules.element,
    general,
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, existing ? "Save" : "Create link")));

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    general.textContent = "";
    rules.clearErrors();
    for (const [name, error] of Object.entries(errors)) {
      error.textContent = "";
      fields[name].removeAttribute("aria-invalid");
    }
    const value = (name: string) => fields[name]?.value.trim() ?? "";
    const body: Record<string, unknown> = { url: value("url"), redirectType: Number(value("redirectType")) };
    if (!existing && value("slug")) body.slug = value("slug");
    if (domain) body.domain = domain.value;
    const password = fields.password.value;
    if (password) body.password = password;
    else if ((fields.removePassword as HTMLInputElement | undefined)?.checked) body.password = null;
    const forwardQuery = (fields.forwardQuery as HTMLInputElement).checked;
    if (!existing || forwardQuery !== existing.forwardQuery) body.forwardQuery = forwardQuery;
    const tags = value("tags").split(",").map((t) => t.trim()).filter((t) => t);
    if (tags.length || existing) body.tags = tags;
    const utm: Record<string, string | null> = {};
    for (const field of UTM_FIELDS) {
      if (value(`utm-${field}`)) utm[field] = value(`utm-${field}`);
      else if (existing?.utm?.[field]) utm[field] = null;
    }
    if (Object.keys(utm).length) body.utm = utm;
    for (const text of ["title", "description", "fallbackUrl"]) {
      if (value(text)) body[text] = value(text);
      else if (existing?.[text as "title" | "description" | "fallbackUrl"]) body[text] = null;
    }
    const preview = Object.fromEntries(["title", "description", "image"].map((part) => [part, value(`preview-${part}`) || null])
      .filter(([, v]) => v !== null));
    if (Object.keys(preview).length) body.preview = preview;
    else if (existing?.preview) body.preview = null;
    if (value("expiresAt")) body.expiresAt = new Date(value("expiresAt")).toISOString();
    else if (existing?.expiresAt) body.expiresAt = null;
    // An edit sends the rules only when they changed: a saved rule whose window has passed must not block other edits.
    const ruleList = rules.value();
    if (existing ? JSON.stringify(ruleList) !== JSON.stringify(existing.rules) : ruleList.length) body.rules = ruleList;
    if (value("maxVisits")) body.maxVisits = Number(value("maxVisits"));
    else if (existing?.maxVisits) body.maxVisits = null;
    try {
      const saved = existing
        ? await patchLink(existing, domains, body)
        : await api<Link>("POST", "/v1/links", body);
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fieldErrors).length) {
        let first: HTMLElement | null = null;
        for (const [field, message] of Object.entries(rules.showErrors(e.fieldErrors))) {
          const name = field.replace(/\[\d+]$/, "").replace(/^utm\./, "utm-").replace(/^preview\./, "preview-");
          if (errors[name]) {
            errors[name].textContent = message;
            fields[name].setAttribute("aria-invalid", "true");
            first ??= fields[name];
          } else {
            general.textContent += `${field}: ${message} `;
          }
        }
        first?.focus();
      } else {
        general.textContent = (e as Error).message;
        if (e instanceof ApiError && e.type.endsWith("slug-taken")) {
          errors.slug.textContent = e.message;
          fields.slug.setAttribute("aria-invalid", "true");
          fields.slug.focus();
          general.textContent = "";
        }
      }
    }
  });
  return form;
}

/**
 * The tags field, with the workspace's tags suggested (a <datalist>, which browsers and screen readers
 * offer as they do their own suggestions): each suggestion is the text typed so far with the last tag completed.
 */
function tagsInput(tags: string[]): HTMLInputElement {
  const input = h("input", { type: "text", value: tags.join(", "), list: "tag-suggestions", autocomplete: "off" });
  const suggest = async () => {
    const list = document.getElementById("tag-suggestions");
    if (!list) return;
    const known = await knownTags();
    const typed = input.value.split(",");
    const last = typed.pop()!.trim().toLowerCase();
    const before = typed.map((t) => t.trim()).filter((t) => t);
    const prefix = before.length ? `${before.join(", ")}, ` : "";
    replace(list, ...known.filter((t) => !before.includes(t) && t.toLowerCase().startsWith(last)).slice(0, 20)
      .map((t) => h("option", { value: `${prefix}${t}` })));
  };
  input.addEventListener("input", () => void suggest());
  input.addEventListener("focus", () => void suggest());
  return input;
}

/** Edits carry the version read, so a concurrent edit is refused (412) rather than overwritten. */
export function patchLink(link: Link, domains: Domain[], body: Record<string, unknown>): Promise<Link> {
  return api<Link>("PATCH", linkPath(linkRef(link, domains)), body, undefined,
    { "Content-Type": "application/merge-patch+json", "If-Match": `"${link.version}"` });
}

const PERMANENT_NOTE = "Permanent (301, 308): browsers and CloudFront keep it, so a visitor's later visits may skip "
  + "Shortstack and go uncounted, and a change of destination reaches them late. 302 and 307 count every visit.";
