import { api } from "./api";
import { clickLines, timeChart } from "./charts";
import { formatNumber, h, plural, replace } from "./dom";

interface LastHour {
  to: string;
  totals: { human: number; bot: number };
  series: { start: string; human: number; bot: number }[];
}

/** How often the live view asks again while its tab is visible: clicks reach the archive within seconds. */
export const LIVE_EVERY_MS = 5_000;

/**
 * The last 60 minutes, minute by minute (`path`: /v1/stats/live or a link's), asked again every few
 * seconds while the tab is visible and the view is shown; a hidden tab asks nothing until it is seen
 * again. The chart is drawn again only when a figure changed, so a screen reader hears only news.
 */
export function liveCard(title: string, path: string): HTMLElement {
  const totals = h("p", { class: "live-totals", "aria-live": "polite" }, "Reading…");
  const chart = h("div", {});
  const status = h("p", { class: "muted small" });
  const card = h("section", { class: "card live", "aria-label": title },
    h("h2", {}, h("span", { class: "live-dot", "aria-hidden": "true" }), title), totals, chart, status);
  let last = "";
  let timer: number | undefined;
  // The card is built before its view is on the page: it counts as left only once it was shown, or after a few tries.
  let shown = false;
  let unseen = 0;
  const schedule = () => {
    window.clearTimeout(timer);
    if (document.visibilityState === "visible") timer = window.setTimeout(poll, LIVE_EVERY_MS);
  };
  const poll = async () => {
    if (card.isConnected) shown = true;
    else if (shown || ++unseen > 3) {
      // A view left behind (another route drew its own) stops asking.
      document.removeEventListener("visibilitychange", onVisibility);
      return;
    }
    try {
      const hour = await api<LastHour>("GET", path);
      const figures = JSON.stringify([hour.totals, hour.series.map((p) => [p.human, p.bot])]);
      if (figures !== last) {
        last = figures;
        replace(totals,
          h("span", { class: "total-value", "data-total": title }, formatNumber(hour.totals.human)),
          ` human ${hour.totals.human === 1 ? "click" : "clicks"} and ${plural(hour.totals.bot, "bot")} in the last 60 minutes`);
        replace(chart, timeChart(`${title}: clicks per minute`, hour.series.map((p) => p.start), clickLines(hour.series),
          "live-clicks.csv", "minute"));
      }
      status.textContent = `Updated ${new Date(hour.to).toLocaleTimeString("en-GB")}; every ${LIVE_EVERY_MS / 1000} s while this tab is visible.`;
    } catch (e) {
      status.textContent = `Not updated: ${(e as Error).message}. Trying again.`;
    }
    schedule();
  };
  const onVisibility = () => {
    if (document.visibilityState === "visible") void poll();
    else window.clearTimeout(timer);
  };
  document.addEventListener("visibilitychange", onVisibility);
  void poll();
  return card;
}
