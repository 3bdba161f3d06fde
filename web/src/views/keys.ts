import { api, ApiError, session } from "../api";
import { dialog, formatDate, h, replace, toast } from "../dom";

interface ApiKey {
  id: string;
  name: string;
  role: string;
  createdAt: string;
  revokedAt: string | null;
  expiresAt: string | null;
  lastUsedAt: string | null;
  key?: string;
}

/** The workspace's API keys (admin keys only): create one (its secret is shown once), revoke. */
export async function keysView(): Promise<HTMLElement> {
  const list = h("div", { class: "table-wrap" });
  const created = h("div", { "aria-live": "polite" });
  const load = async () => {
    try {
      // Every key, page by page: a workspace has few, and revoking one must not hide another.
      const keys: ApiKey[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: ApiKey[]; nextCursor: string | null } = await api("GET",
          `/v1/keys?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
        keys.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      replace(list, table(keys, load));
    } catch (e) {
      replace(list, h("p", { role: "alert" }, e instanceof ApiError && e.status === 403
        ? "Only admin keys can manage keys." : (e as Error).message));
    }
  };
  const name = h("input", { id: "key-name", type: "text", required: true, placeholder: "e.g. CI deploy" });
  const role = h("select", { id: "key-role" }, ...["read", "write", "admin"].map((r) => h("option", { value: r }, r)));
  const expires = h("input", { id: "key-expires", type: "date" });
  const error = h("p", { class: "field-error", role: "alert" });
  const form = h("form", {
    class: "card", onsubmit: async (event: Event) => {
      event.preventDefault();
      error.textContent = "";
      try {
        // A date means "until the end of that day", in the browser's time zone.
        const expiresAt = expires.value ? new Date(`${expires.value}T23:59:59`).toISOString() : undefined;
        const key = await api<ApiKey>("POST", "/v1/keys", { name: name.value.trim(), role: role.value, expiresAt });
        replace(created, h("div", { class: "card callout" },
          h("h2", {}, `Key "${key.name}" created`),
          h("p", {}, "Copy it now: it is shown only this once."),
          h("code", { class: "secret" }, key.key!),
          h("button", {
            type: "button", onclick: async () => {
              await navigator.clipboard.writeText(key.key!);
              toast("Key copied");
            },
          }, "Copy key")));
        name.value = "";
        expires.value = "";
        await load();
      } catch (e) {
        error.textContent = e instanceof ApiError && Object.keys(e.fieldErrors).length
          ? Object.entries(e.fieldErrors).map(([f, m]) => `${f}: ${m}`).join("; ") : (e as Error).message;
      }
    },
  },
    h("h2", {}, "New key"),
    h("div", { class: "field" }, h("label", { for: "key-name" }, "Name"), name),
    h("div", { class: "field" }, h("label", { for: "key-role" }, "Role"), role),
    h("div", { class: "field" }, h("label", { for: "key-expires" }, "Expires (optional)"), expires),
    error,
    h("button", { type: "submit", class: "primary" }, "Create key"));
  await load();
  return h("section", {}, h("h1", {}, "API keys"), form, created, list);
}

function table(keys: ApiKey[], reload: () => Promise<void>): HTMLElement {
  return h("table", {},
    h("thead", {}, h("tr", {}, ...["Name", "Id", "Role", "Created", "Expires", "Last used", "Revoked", ""].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, ...keys.map((key) => h("tr", {},
      h("td", { "data-label": "Name" }, key.name),
      h("td", { "data-label": "Id" }, h("code", {}, key.id)),
      h("td", { "data-label": "Role" }, key.role),
      h("td", { "data-label": "Created" }, formatDate(key.createdAt)),
      h("td", { "data-label": "Expires" }, key.expiresAt ? formatDate(key.expiresAt) : "never"),
      h("td", { "data-label": "Last used" }, key.lastUsedAt ? formatDate(key.lastUsedAt) : "never"),
      h("td", { "data-label": "Revoked" }, formatDate(key.revokedAt)),
      h("td", {}, key.revokedAt ? null : key.id === session.info()?.keyId ? h("span", { class: "muted" }, "You are signed in with this key") : h("button", {
        type: "button", class: "danger", "aria-label": `Revoke ${key.name}`, onclick: async () => {
          const answer = await dialog(`Revoke "${key.name}"?`, h("p", {}, "Requests with this key will be refused at once."),
            [{ label: "Cancel", value: "cancel" }, { label: "Revoke", value: "revoke", danger: true }]);
          if (answer !== "revoke") return;
          try {
            await api("DELETE", `/v1/keys/${key.id}`);
            toast(`Revoked ${key.name}`);
            await reload();
          } catch (e) {
            toast((e as Error).message);
          }
        },
      }, "Revoke"))))));
}
