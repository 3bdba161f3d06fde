import { api, ApiError, WEBHOOK_EVENTS, WebhookDelivery, WebhookEndpoint } from "../api";
import { dialog, formatDate, h, replace, toast } from "../dom";

/**
 * Webhook endpoints (admin keys only): add one (its signing secret is shown once), enable or
 * disable it, rotate its secret, delete it, and read its delivery log with a manual redelivery.
 */
export async function webhooksView(): Promise<HTMLElement> {
  const list = h("div", { class: "table-wrap" });
  const log = h("div", { "aria-live": "polite" });
  const shown = h("div", { "aria-live": "polite" });
  const banner = h("div");
  const load = async () => {
    try {
      const endpoints = (await api<{ items: WebhookEndpoint[] }>("GET", "/v1/webhooks")).items;
      replace(banner, disabledBanner(endpoints));
      replace(list, endpoints.length ? table(endpoints, load, (e) => showLog(e, log), (title, secret) => showSecret(shown, title, secret))
        : h("p", { class: "muted" }, "No endpoints yet: add one above to be told of new links, clicks and finished jobs."));
    } catch (e) {
      replace(list, h("p", { role: "alert" }, e instanceof ApiError && e.status === 403
        ? "Only admin keys can manage webhooks." : (e as Error).message));
    }
  };
  const url = h("input", { id: "webhook-url", type: "url", required: true, placeholder: "https://hooks.example.com/shortstack" });
  const description = h("input", { id: "webhook-description", type: "text", maxlength: "200", placeholder: "e.g. CRM sync" });
  const boxes = WEBHOOK_EVENTS.map((event) => h("input", { type: "checkbox", id: `webhook-event-${event}`, value: event,
    checked: event.startsWith("link.") }));
  const error = h("p", { class: "field-error", role: "alert" });
  const form = h("form", {
    class: "card", onsubmit: async (event: Event) => {
      event.preventDefault();
      error.textContent = "";
      const events = boxes.filter((b) => b.checked).map((b) => b.value);
      try {
        const created = await api<WebhookEndpoint>("POST", "/v1/webhooks",
          { url: url.value.trim(), events, description: description.value.trim() || null });
        showSecret(shown, `Endpoint for ${created.url} added`, created.secret!);
        url.value = "";
        description.value = "";
        await load();
      } catch (e) {
        error.textContent = e instanceof ApiError && Object.keys(e.fieldErrors).length
          ? Object.entries(e.fieldErrors).map(([f, m]) => `${f}: ${m}`).join("; ") : (e as Error).message;
      }
    },
  },
    h("h2", {}, "New endpoint"),
    h("div", { class: "field" }, h("label", { for: "webhook-url" }, "URL (https)"), url),
    h("fieldset", { class: "choices" }, h("legend", {}, "Events"),
      ...boxes.map((box) => h("label", { class: "checkbox" }, box, ` ${box.value}`))),
    h("div", { class: "field" }, h("label", { for: "webhook-description" }, "Description (optional)"), description),
    h("p", { class: "muted" }, "Deliveries are signed (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature), "
      + "retried with backoff for about a day, and an endpoint that fails for a day is disabled."),
    error,
    h("button", { type: "submit", class: "primary" }, "Add endpoint"));
  await load();
  return h("section", {}, h("h1", {}, "Webhooks"), banner, form, shown, list, log);
}

/** The workspace is told when an endpoint was disabled for failing, with what to do. */
export function disabledBanner(endpoints: WebhookEndpoint[]): HTMLElement | null {
  const failed = endpoints.filter((e) => e.status === "disabled" && e.disabledReason?.startsWith("Every delivery"));
  if (!failed.length) return null;
  return h("div", { class: "card warning-banner", role: "status" },
    h("h2", {}, failed.length === 1 ? "A webhook endpoint was disabled" : `${failed.length} webhook endpoints were disabled`),
    h("ul", {}, ...failed.map((e) => h("li", {}, h("code", {}, e.url), ` on ${formatDate(e.disabledAt)}: ${e.disabledReason}`))),
    h("p", {}, "Fix the receiver, then enable the endpoint and redeliver what it missed from its delivery log."),
    h("a", { href: "#/webhooks" }, "Go to webhooks"));
}

function showSecret(target: HTMLElement, title: string, secret: string): void {
  replace(target, h("div", { class: "card callout" },
    h("h2", {}, title),
    h("p", {}, "Copy the signing secret now: it is shown only this once."),
    h("code", { class: "secret" }, secret),
    h("button", {
      type: "button", onclick: async () => {
        await navigator.clipboard.writeText(secret);
        toast("Secret copied");
      },
    }, "Copy secret")));
}

function table(endpoints: WebhookEndpoint[], reload: () => Promise<void>, openLog: (e: WebhookEndpoint) => Promise<void>,
               secretShown: (title: string, secret: string) => void): HTMLElement {
  const act = (label: string, aria: string, run: () => Promise<void>, cls = "") => h("button", {
    type: "button", class: cls, "aria-label": aria, onclick: async () => {
      try {
        await run();
      } catch (e) {
        toast((e as Error).message);
      }
    },
  }, label);
  return h("table", {},
    h("thead", {}, h("tr", {}, ...["URL", "Events", "Status", "Secret", "Created", ""].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, ...endpoints.map((e) => h("tr", {},
      h("td", { "data-label": "URL" }, h("code", {}, e.url), e.description ? h("div", { class: "muted" }, e.description) : null),
      h("td", { "data-label": "Events" }, e.events.join(", ")),
      h("td", { "data-label": "Status" }, e.status === "active"
        ? (e.failingSince ? `active, failing since ${formatDate(e.failingSince)}` : "active")
        : `disabled ${formatDate(e.disabledAt)}`),
      h("td", { "data-label": "Secret" }, h("code", {}, e.secretHint)),
      h("td", { "data-label": "Created" }, formatDate(e.createdAt)),
      h("td", { class: "row-actions" },
        act("Deliveries", `Deliveries of ${e.url}`, () => openLog(e)),
        act(e.status === "active" ? "Disable" : "Enable", `${e.status === "active" ? "Disable" : "Enable"} ${e.url}`, async () => {
          await api("PATCH", `/v1/webhooks/${e.id}`, { enabled: e.status !== "active" });
          toast(`${e.status === "active" ? "Disabled" : "Enabled"} ${e.url}`);
          await reload();
        }),
        act("Rotate secret", `Rotate secret of ${e.url}`, async () => {
          const answer = await dialog("Rotate the signing secret?", h("p", {},
            "A new secret signs every delivery from now on; the current one keeps signing alongside it for 24 hours."),
          [{ label: "Cancel", value: "cancel" }, { label: "Rotate", value: "rotate", primary: true }]);
          if (answer !== "rotate") return;
          const rotated = await api<WebhookEndpoint>("POST", `/v1/webhooks/${e.id}/secret`);
          secretShown(`New secret for ${e.url}`, rotated.secret!);
          await reload();
        }),
        act("Delete", `Delete ${e.url}`, async () => {
          const answer = await dialog(`Delete the endpoint for ${e.url}?`, h("p", {}, "It receives nothing more; waiting deliveries are dropped."),
            [{ label: "Cancel", value: "cancel" }, { label: "Delete", value: "delete", danger: true }]);
          if (answer !== "delete") return;
          await api("DELETE", `/v1/webhooks/${e.id}`);
          toast(`Deleted ${e.url}`);
          await reload();
        }, "danger"))))));
}

async function showLog(endpoint: WebhookEndpoint, target: HTMLElement): Promise<void> {
  const page = await api<{ items: WebhookDelivery[]; nextCursor: string | null }>("GET", `/v1/webhooks/${endpoint.id}/deliveries?limit=50`);
  const refresh = h("button", { type: "button", onclick: () => void showLog(endpoint, target) }, "Refresh");
  const answer = (d: WebhookDelivery) => !d.lastAttempt ? "—"
    : d.lastAttempt.error ?? `${d.lastAttempt.statusCode}`;
  replace(target, h("div", { class: "card" },
    h("h2", { id: "delivery-log" }, `Deliveries to ${endpoint.url}`), refresh,
    page.items.length === 0 ? h("p", { class: "muted" }, "No deliveries yet.") : h("div", { class: "table-wrap" }, h("table", {
      "aria-labelledby": "delivery-log",
    },
    h("thead", {}, h("tr", {}, ...["Event", "Status", "Attempts", "Last answer", "Latency", "Made", "Next attempt", ""]
      .map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, ...page.items.map((d) => h("tr", {},
      h("td", { "data-label": "Event" }, d.eventType, h("div", { class: "muted" }, h("code", {}, d.id))),
      h("td", { "data-label": "Status" }, d.status),
      h("td", { "data-label": "Attempts" }, String(d.attempts)),
      h("td", { "data-label": "Last answer" }, answer(d)),
      h("td", { "data-label": "Latency" }, d.lastAttempt ? `${d.lastAttempt.latencyMs} ms` : "—"),
      h("td", { "data-label": "Made" }, formatDate(d.createdAt)),
      h("td", { "data-label": "Next attempt" }, formatDate(d.nextAttemptAt)),
      h("td", {}, h("button", {
        type: "button", "aria-label": `Redeliver ${d.id}`, disabled: endpoint.status !== "active", onclick: async () => {
          try {
            await api("POST", `/v1/webhooks/${endpoint.id}/deliveries/${encodeURIComponent(d.id)}/redeliver`);
            toast("Redelivery queued");
            await showLog(endpoint, target);
          } catch (e) {
            toast((e as Error).message);
          }
        },
      }, "Redeliver")))))))));
}
