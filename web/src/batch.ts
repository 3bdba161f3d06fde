import { api, ApiError, Link, LinkRef, linkPath, query } from "./api";
import { h, plural, replace } from "./dom";

/**
 * Work on many links from the browser: listing them all (page by page, capped) and changing them
 * a few at a time, with progress said as it goes and every failure named at the end.
 */

/** At most this many links are read for tag counts and "all matching": a few thousand is what a browser should page through. */
export const LINK_CAP = 5000;
const PAGE = 100;
/** Requests in flight at once: fast enough for hundreds of links, gentle on the API's rate limit. */
const PARALLEL = 4;

export interface AllLinks {
  links: Link[];
  /** More links matched than LINK_CAP: the answer is the first LINK_CAP. */
  capped: boolean;
}

/** Every link matching the filter (newest first), up to LINK_CAP; `onPage` hears how many are read so far. */
export async function listAllLinks(filter: { q?: string; tag?: string } = {}, onPage: (read: number) => void = () => {}): Promise<AllLinks> {
  const links: Link[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Link[]; nextCursor: string | null } =
      await api("GET", `/v1/links${query({ limit: PAGE, q: filter.q, tag: filter.tag, cursor })}`);
    links.push(...page.items);
    cursor = page.nextCursor;
    onPage(links.length);
  } while (cursor && links.length < LINK_CAP);
  return { links: links.slice(0, LINK_CAP), capped: !!cursor || links.length > LINK_CAP };
}

let tagsRead: { at: number; tags: Promise<string[]> } | null = null;

/** The workspace's tag names, for suggestions: read once a minute at most. */
export function knownTags(): Promise<string[]> {
  if (!tagsRead || Date.now() - tagsRead.at > 60_000) {
    tagsRead = { at: Date.now(), tags: listAllLinks().then(({ links }) => tagCounts(links).map(([tag]) => tag), () => []) };
  }
  return tagsRead.tags;
}

/** Forgets the tags read, after a change to them. */
export function forgetTags(): void {
  tagsRead = null;
}

/** Each tag and the number of links that have it, most used first (tags are compared as they are written). */
export function tagCounts(links: Link[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const link of links) for (const tag of new Set(link.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** A link's reference from its own fields: the API takes ?domain= for any domain, the default one too. */
export const refOf = (link: Link): LinkRef => ({ slug: link.slug, domain: link.domain });

/** Changes a link whatever its version (If-Match: *): a bulk change is meant for every link chosen, as it is now. */
export const patchAny = (link: Link, body: Record<string, unknown>): Promise<Link> =>
  api<Link>("PATCH", linkPath(refOf(link)), body, undefined, { "Content-Type": "application/merge-patch+json", "If-Match": "*" });

export const deleteAny = (link: Link): Promise<void> => api<void>("DELETE", linkPath(refOf(link)), undefined, undefined, { "If-Match": "*" });

export interface BatchResult {
  succeeded: number;
  failed: { link: Link; message: string }[];
}

/**
 * A progress bar and its words (aria-live, polite: read as it moves, not on every link), and the
 * result when done: how many succeeded, and each link that did not with the API's reason.
 */
export function progressPanel(): { element: HTMLElement; run: (verb: string, links: Link[], work: (link: Link) => Promise<unknown>) => Promise<BatchResult> } {
  const bar = h("progress", { max: 1, value: 0, "aria-label": "Progress" });
  const words = h("p", { role: "status", "aria-live": "polite" });
  const report = h("div", {});
  const element = h("div", { class: "batch", hidden: true }, bar, words, report);
  const run = async (verb: string, links: Link[], work: (link: Link) => Promise<unknown>): Promise<BatchResult> => {
    element.hidden = false;
    replace(report);
    bar.max = Math.max(1, links.length);
    bar.value = 0;
    const result: BatchResult = { succeeded: 0, failed: [] };
    let next = 0;
    let lastSaid = 0;
    const say = () => {
      const done = result.succeeded + result.failed.length;
      bar.value = done;
      // Every tenth of the way at most: a screen reader is not flooded.
      if (done === links.length || done - lastSaid >= Math.max(1, Math.ceil(links.length / 10))) {
        lastSaid = done;
        words.textContent = `${verb}: ${done} of ${plural(links.length, "link")}…`;
      }
    };
    const worker = async () => {
      while (next < links.length) {
        const link = links[next++];
        // A key's requests a second are limited: a 429 is waited out (twice at most), not reported as a failure.
        for (let attempt = 0; ; attempt++) {
          try {
            await work(link);
            result.succeeded++;
            break;
          } catch (e) {
            if (e instanceof ApiError && e.status === 429 && attempt < 2) {
              await new Promise((resolve) => setTimeout(resolve, 1000 * (attempt + 1)));
              continue;
            }
            result.failed.push({ link, message: (e as Error).message });
            break;
          }
        }
        say();
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, links.length) }, worker));
    words.textContent = `${verb}: ${result.succeeded} of ${plural(links.length, "link")} done`
      + (result.failed.length ? `; ${result.failed.length} failed (listed below).` : ".");
    if (result.failed.length) {
      replace(report, h("h3", {}, "Not changed"), h("ul", { class: "failures" },
        ...result.failed.map(({ link, message }) => h("li", {}, h("strong", {}, link.shortUrl), `: ${message}`))));
    }
    return result;
  };
  return { element, run };
}
