import { api, FINAL_STATUSES, Job, query, session } from "../api";
import { formatDate, formatNumber, h, isoDay, plural, replace } from "../dom";

const POLL_MILLIS = 1000;

/** Imports (upload, then a live progress bar) and exports, with their downloads. */
export async function jobsView(): Promise<HTMLElement> {
  const recent = h("div", { class: "table-wrap" });
  const live = h("div", { id: "live-job", "aria-live": "polite" });

  const refresh = async () => {
    const page = await api<{ items: Job[] }>("GET", `/v1/jobs${query({ limit: 20 })}`);
    replace(recent, page.items.length === 0 ? h("p", { class: "muted" }, "No jobs yet.") : jobsTable(page.items));
  };
  const watch = async (job: Job) => {
    let current = job;
    await refresh();
    while (true) {
      replace(live, progressCard(current));
      if (FINAL_STATUSES.includes(current.status) || !live.isConnected) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MILLIS));
      current = await api<Job>("GET", `/v1/jobs/${current.id}`);
    }
    await refresh();
  };

  await refresh();
  return h("section", {},
    h("h1", {}, "Imports & exports"),
    // Imports write links: offered to keys that may write; any key may export.
    h("div", { class: "grid two" }, session.can("write") ? importForm(live, watch) : null, exportForm(watch)),
    live,
    h("h2", {}, "Recent jobs"),
    recent);
}

function importForm(live: HTMLElement, watch: (job: Job) => Promise<void>): HTMLElement {
  const file = h("input", { id: "import-file", type: "file", accept: ".csv,.jsonl,.ndjson,text/csv,application/x-ndjson", required: true });
  const format = h("select", { id: "import-format" },
    h("option", { value: "shortstack-csv" }, "Shortstack CSV"),
    h("option", { value: "jsonl" }, "JSON Lines"),
    h("option", { value: "bitly-csv" }, "Bitly CSV export"),
    h("option", { value: "shlink-csv" }, "Shlink CSV"));
  const tags = h("input", { id: "import-tags", type: "text", placeholder: "e.g. migrated" });
  const slugs = h("select", { id: "import-slugs" },
    h("option", { value: "reject" }, "Refuse the row"),
    h("option", { value: "random" }, "Give the link a random slug"));
  const error = h("p", { class: "field-error", role: "alert" });
  return h("form", {
    class: "card", onsubmit: async (event: Event) => {
      event.preventDefault();
      error.textContent = "";
      const chosen = file.files?.[0];
      if (!chosen) {
        error.textContent = "Choose a file to import.";
        return;
      }
      try {
        const defaultTags = tags.value.split(",").map((t) => t.trim()).filter((t) => t);
        const job = await api<Job>("POST", "/v1/imports",
          { format: format.value, defaultTags, onInvalidSlug: slugs.value, sizeBytes: chosen.size });
        replace(live, h("p", {}, `Uploading ${chosen.name}…`));
        const upload = await fetch(job.upload!.url, { method: "PUT", body: chosen });
        if (!upload.ok) throw new Error(`The upload was refused (${upload.status})`);
        await api<Job>("POST", `/v1/imports/${job.id}/start`);
        await watch(await api<Job>("GET", `/v1/jobs/${job.id}`));
      } catch (e) {
        error.textContent = (e as Error).message;
      }
    },
  },
    h("h2", {}, "Import links"),
    h("div", { class: "field" }, h("label", { for: "import-file" }, "File to import"), file),
    h("div", { class: "field" }, h("label", { for: "import-format" }, "File format"), format),
    h("div", { class: "field" }, h("label", { for: "import-tags" }, "Tags for every link (optional)"), tags),
    h("div", { class: "field" }, h("label", { for: "import-slugs" }, "When a row's slug cannot be used"), slugs),
    error,
    h("button", { type: "submit", class: "primary" }, "Upload and import"));
}

function exportForm(watch: (job: Job) => Promise<void>): HTMLElement {
  const type = h("select", { id: "export-type" },
    h("option", { value: "links" }, "Links"), h("option", { value: "stats" }, "Statistics per link and day"), h("option", { value: "clicks" }, "Raw clicks"));
  const format = h("select", { id: "export-format" }, h("option", { value: "csv" }, "CSV"), h("option", { value: "jsonl" }, "JSON Lines"));
  const today = new Date();
  const from = h("input", { id: "export-from", type: "date", value: isoDay(new Date(today.getTime() - 29 * 86_400_000)) });
  const to = h("input", { id: "export-to", type: "date", value: isoDay(today) });
  const error = h("p", { class: "field-error", role: "alert" });
  return h("form", {
    class: "card", onsubmit: async (event: Event) => {
      event.preventDefault();
      error.textContent = "";
      const body: Record<string, string> = { type: type.value, format: format.value };
      if (type.value !== "links") Object.assign(body, { from: from.value, to: to.value });
      try {
        await watch(await api<Job>("POST", "/v1/exports", body));
      } catch (e) {
        error.textContent = (e as Error).message;
      }
    },
  },
    h("h2", {}, "Export"),
    h("div", { class: "field" }, h("label", { for: "export-type" }, "What"), type),
    h("div", { class: "field" }, h("label", { for: "export-format" }, "Export format"), format),
    h("div", { class: "field" }, h("label", { for: "export-from" }, "From (statistics, clicks)"), from),
    h("div", { class: "field" }, h("label", { for: "export-to" }, "To"), to),
    error,
    h("button", { type: "submit", class: "primary" }, "Export"));
}

/** The live view of one job: a progress bar with rows, rate and time left, then its downloads. */
function progressCard(job: Job): HTMLElement {
  const p = job.progress;
  const rows = job.kind === "import"
    ? `${formatNumber(p.rowsDone)} of ${plural(p.rowsTotal, "row")} (${formatNumber(p.rowsFailed)} refused, ${formatNumber(p.rowsRenamed ?? 0)} renamed)`
    : `${plural(p.rowsWritten, "row")} written`;
  return h("section", { class: "card progress-card", "data-status": job.status, "data-percent": p.percent ?? 0 },
    h("h2", {}, `${job.kind === "import" ? "Import" : "Export"} ${job.id}`),
    h("label", { for: `progress-${job.id}` }, `${statusText(job.status)} — ${rows}`),
    h("progress", { id: `progress-${job.id}`, max: 100, value: p.percent ?? (FINAL_STATUSES.includes(job.status) ? 100 : null) }),
    h("p", { class: "muted" },
      p.rowsPerSecond !== null ? `${formatNumber(p.rowsPerSecond)} rows/s` : "",
      p.etaSeconds !== null ? ` · about ${formatNumber(p.etaSeconds)} s left` : ""),
    job.error ? h("p", { class: "field-error" }, job.error) : null,
    job.warnings.length ? h("ul", { class: "warnings" }, ...job.warnings.map((w) => h("li", {}, w))) : null,
    downloads(job));
}

function downloads(job: Job): HTMLElement | null {
  if (!job.errorReport && !job.result) return null;
  return h("p", { class: "downloads" },
    job.errorReport ? h("a", { href: job.errorReport.url, class: "button" }, "Import report (refused, renamed and changed rows)") : null,
    job.result ? h("a", { href: job.result.url, class: "button" }, `Download ${job.format.toUpperCase()} (${plural(job.result.rows, "row")})`) : null);
}

function jobsTable(jobs: Job[]): HTMLElement {
  return h("table", {},
    h("thead", {}, h("tr", {}, ...["Job", "Kind", "Status", "Rows", "Created", "Files"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, ...jobs.map((job) => h("tr", {},
      h("td", { "data-label": "Job" }, h("code", {}, job.id)),
      h("td", { "data-label": "Kind" }, job.kind === "import" ? `import (${job.format})` : `export of ${job.type} (${job.format})`),
      h("td", { "data-label": "Status" }, h("span", { class: `state state-${job.status}` }, statusText(job.status)),
        // What went wrong stays readable after a reload, not only in the live card.
        job.error ? h("p", { class: "field-error" }, job.error) : null,
        job.warnings.length ? h("details", { class: "warnings" }, h("summary", {}, "Warnings"),
          h("ul", {}, ...job.warnings.map((w) => h("li", {}, w)))) : null),
      h("td", { "data-label": "Rows", class: "num" }, formatNumber(job.kind === "import" ? job.progress.rowsDone : job.progress.rowsWritten)),
      h("td", { "data-label": "Created" }, formatDate(job.createdAt)),
      h("td", { "data-label": "Files" }, downloads(job))))));
}

function statusText(status: Job["status"]): string {
  return status.replace("_", " ");
}
