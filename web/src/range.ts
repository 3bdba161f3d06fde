import { h, isoDay } from "./dom";

/**
 * Date ranges of the analytics views, kept in the route's query ("#/overview?range=7d",
 * "?from=2026-11-01&to=2026-11-30") so a view can be shared, bookmarked and reloaded as it was.
 */
export type Preset = "24h" | "7d" | "30d" | "90d";
const PRESETS: [Preset, string, number][] = [["24h", "Last 24 hours", 1], ["7d", "Last 7 days", 7], ["30d", "Last 30 days", 30],
  ["90d", "Last 90 days", 90]];
/** The API's longest ranges: a year of days, a month of hours. */
const MAX_DAYS = 366;
const MAX_HOURLY_DAYS = 31;
const DAY = 86_400_000;

export interface Range {
  preset: Preset | "custom";
  /** The days asked for (both included), in the view's time zone. */
  from: string;
  to: string;
  granularity: "day" | "hour";
  /** Only series buckets starting in [since, until) count: the last 24 hours are cut from two days of hours. */
  since?: number;
  until?: number;
  /** "last 7 days", "1 Nov 2026 – 30 Nov 2026": what the totals are of. */
  label: string;
  /** "previous 7 days": what a comparison is with. */
  lengthLabel: string;
}

/** The route's query: what follows "?" in the hash. */
export function routeParams(): URLSearchParams {
  return new URLSearchParams(location.hash.split("?")[1] ?? "");
}

/** Goes to the route with these query parameters; the same route again is shown again (fresh figures). */
export function setRouteParams(params: URLSearchParams): void {
  const text = params.toString();
  const hash = `${location.hash.split("?")[0] || "#/"}${text ? `?${text}` : ""}`;
  if (hash === location.hash) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = hash;
}

/** A day `days` after (or before) the ISO day `day`. */
export function addDays(day: string, days: number): string {
  return isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY));
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;
const localToday = (now: Date) => isoDay(new Date(now.getTime() - now.getTimezoneOffset() * 60_000));
const validDay = (day: string | null): day is string => !!day && /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(day));
const dayLabel = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/**
 * The range the route asks for, or `fallback`. `utc`: the view's days are UTC days (the workspace's
 * figures are), so "24 h" is today's UTC day there; elsewhere it is the last 24 hours, by the hour.
 */
export function readRange(params: URLSearchParams, fallback: Preset, utc: boolean, now = new Date()): Range {
  const today = utc ? isoDay(now) : localToday(now);
  const from = params.get("from");
  const to = params.get("to");
  if (validDay(from) && validDay(to) && from <= to && daysBetween(from, to) <= MAX_DAYS) {
    const days = daysBetween(from, to);
    const hourly = !utc && params.get("per") === "hour" && days <= MAX_HOURLY_DAYS;
    return { preset: "custom", from, to, granularity: hourly ? "hour" : "day", label: `${dayLabel(from)} – ${dayLabel(to)}`,
      lengthLabel: `previous ${days === 1 ? "day" : `${days} days`}` };
  }
  const preset = PRESETS.find(([p]) => p === params.get("range"))?.[0] ?? fallback;
  const days = PRESETS.find(([p]) => p === preset)![2];
  if (preset === "24h") {
    if (utc) return { preset, from: today, to: today, granularity: "day", label: "today (UTC)", lengthLabel: "previous day" };
    return { preset, from: addDays(today, -1), to: today, granularity: "hour", since: now.getTime() - DAY, until: now.getTime(),
      label: "last 24 hours", lengthLabel: "previous 24 hours" };
  }
  const hourly = !utc && params.get("per") === "hour" && days <= MAX_HOURLY_DAYS;
  return { preset, from: addDays(today, 1 - days), to: today, granularity: hourly ? "hour" : "day", label: `last ${days} days`,
    lengthLabel: `previous ${days} days` };
}

/** The period just before, of the same length, to compare with. */
export function previousRange(range: Range): Range {
  const days = daysBetween(range.from, range.to);
  if (range.since !== undefined && range.until !== undefined) {
    return { ...range, from: addDays(range.from, -1), to: addDays(range.to, -1), since: range.since - DAY, until: range.since,
      label: range.lengthLabel };
  }
  return { ...range, from: addDays(range.from, -days), to: addDays(range.from, -1), label: range.lengthLabel };
}

/** A series cut to the range's hours (when it has them), in order. */
export function inRange<T extends { start: string }>(range: Range, series: T[]): T[] {
  if (range.since === undefined || range.until === undefined) return series;
  return series.filter((point) => {
    const start = Date.parse(point.start);
    return start >= range.since! && start < range.until!;
  });
}

/** "+12 % vs previous 7 days (25)", "no change vs …", "+3 vs … (none then)": a total against the previous period's. */
export function change(current: number, previous: number, range: Range): string {
  if (current === previous) return `no change vs ${range.lengthLabel}`;
  if (previous === 0) return `+${current.toLocaleString("en")} vs ${range.lengthLabel} (none then)`;
  const percent = Math.round((100 * (current - previous)) / previous);
  return `${percent > 0 ? "+" : "−"}${Math.abs(percent)} % vs ${range.lengthLabel} (${previous.toLocaleString("en")})`;
}

/**
 * The range picker: a preset or custom dates, and (`hours`) the series' granularity. Showing puts the
 * choice in the route, which shows the view again.
 */
export function rangeForm(range: Range, hours: boolean): HTMLFormElement {
  const period = h("select", { id: "period" },
    ...PRESETS.map(([value, label]) => h("option", { value, selected: range.preset === value }, label)),
    h("option", { value: "custom", selected: range.preset === "custom" }, "Custom dates"));
  const from = h("input", { id: "from", type: "date", value: range.from });
  const to = h("input", { id: "to", type: "date", value: range.to });
  const dates = h("div", { class: "dates" },
    h("div", { class: "field" }, h("label", { for: "from" }, "From"), from),
    h("div", { class: "field" }, h("label", { for: "to" }, "To"), to));
  const per = hours ? h("select", { id: "granularity" }, h("option", { value: "day" }, "Day"),
    h("option", { value: "hour", selected: range.granularity === "hour" }, "Hour")) : null;
  const error = h("p", { class: "field-error", role: "alert" });
  const sync = () => {
    dates.hidden = period.value !== "custom";
    // 24 hours are always shown by the hour.
    if (per) per.disabled = period.value === "24h";
  };
  period.addEventListener("change", sync);
  sync();
  return h("form", {
    class: "filters range", "aria-label": "Date range", onsubmit: (event: Event) => {
      event.preventDefault();
      const params = routeParams();
      for (const name of ["range", "from", "to", "per"]) params.delete(name);
      if (period.value === "custom") {
        if (!validDay(from.value) || !validDay(to.value) || from.value > to.value) {
          error.textContent = "Choose a From date on or before the To date.";
          from.focus();
          return;
        }
        params.set("from", from.value);
        params.set("to", to.value);
      } else {
        params.set("range", period.value);
      }
      if (per && per.value === "hour" && period.value !== "24h") params.set("per", "hour");
      setRouteParams(params);
    },
  },
  h("div", { class: "field" }, h("label", { for: "period" }, "Period"), period),
  dates,
  per ? h("div", { class: "field" }, h("label", { for: "granularity" }, "Per"), per) : null,
  h("button", { type: "submit" }, "Show"),
  error);
}
