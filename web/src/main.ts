import "./style.css";
import { api, session, SessionInfo } from "./api";
import { h, replace } from "./dom";
import { domainsView } from "./views/domains";
import { orphanVisitsView } from "./views/orphanVisits";
import { jobsView } from "./views/jobs";
import { keysView } from "./views/keys";
import { linkView } from "./views/link";
import { linksView } from "./views/links";
import { overviewView } from "./views/overview";
import { signInView } from "./views/signin";
import { tagsView } from "./views/tags";
import { disabledBanner, webhooksView } from "./views/webhooks";
import { WebhookEndpoint } from "./api";

const main = document.getElementById("main")!;
const nav = document.getElementById("nav")!;

/** Sections, and the role a key needs to see each (the API keys page is for admins only; other keys read the domains). */
const SECTIONS: [string, string, SessionInfo["role"]][] = [
  ["#/links", "Links", "read"],
  ["#/overview", "Overview", "read"],
  ["#/tags", "Tags", "read"],
  ["#/jobs", "Imports & exports", "read"],
  ["#/domains", "Domains", "read"],
  ["#/keys", "API keys", "admin"],
  ["#/webhooks", "Webhooks", "admin"],
];

function renderNav(route: string): void {
  if (!session.key()) {
    replace(nav);
    return;
  }
  replace(nav,
    h("ul", {}, ...SECTIONS.filter(([, , role]) => session.can(role)).map(([href, label]) => h("li", {},
      h("a", { href, "aria-current": route.startsWith(href) ? "page" : null }, label)))),
    h("button", {
      type: "button", class: "link-button", onclick: () => {
        session.signOut();
        location.hash = "#/signin";
      },
    }, "Sign out"));
}

// Views are read asynchronously, so a quick second click can finish before the first: only the newest route is drawn.
// While any route is still being read the main region says it is busy (a test waits for that to end before it asserts).
let newestRender = 0;
let rendersInFlight = 0;

async function render(): Promise<void> {
  const mine = ++newestRender;
  rendersInFlight++;
  main.setAttribute("aria-busy", "true");
  try {
    await drawRoute(() => mine === newestRender);
  } finally {
    main.setAttribute("aria-busy", String(--rendersInFlight > 0));
  }
}

async function drawRoute(isNewest: () => boolean): Promise<void> {
  const route = location.hash || "#/links";
  if (!session.key() && route !== "#/signin") {
    location.hash = "#/signin";
    return;
  }
  if (session.key() && !session.info()) {
    // Signed in before the dashboard kept the key's role: ask once.
    try {
      session.signIn(session.key()!, await api<SessionInfo>("GET", "/v1/session"));
    } catch {
      // The API said why (a 401 signs out); the view below shows it.
    }
  }
  if (!isNewest()) return;
  renderNav(route);
  // "#/links/{slug}?domain={host}": a link off the default domain (a slug is unique per domain only).
  const [path, search] = route.split("?");
  const [, section, param] = path.split("/");
  let view: HTMLElement;
  try {
    if (section === "signin") view = signInView();
    else if (section === "links" && param) {
      view = await linkView({ slug: decodeURIComponent(param), domain: new URLSearchParams(search).get("domain") || null });
    } else if (section === "overview") view = await overviewView();
    else if (section === "tags") view = await tagsView();
    else if (section === "jobs") view = await jobsView();
    else if (section === "domains" && param) view = await orphanVisitsView(decodeURIComponent(param));
    else if (section === "domains") view = await domainsView();
    else if (section === "keys") view = await keysView();
    else if (section === "webhooks") view = await webhooksView();
    else view = await linksView();
  } catch (error) {
    view = h("section", {}, h("h1", {}, "Something went wrong"), h("p", { role: "alert" }, String((error as Error).message)));
  }
  if (!isNewest()) return;
  view = await withWebhookWarning(section, view);
  if (!isNewest()) return;
  replace(main, view);
  main.focus();
}

/** Admins are told on every page when an endpoint was disabled for failing (the webhooks page says it itself). */
async function withWebhookWarning(section: string, view: HTMLElement): Promise<HTMLElement> {
  if (!session.key() || section === "signin" || section === "webhooks" || !session.can("admin")) return view;
  try {
    const banner = disabledBanner((await api<{ items: WebhookEndpoint[] }>("GET", "/v1/webhooks")).items);
    if (banner) view.prepend(banner);
  } catch {
    // The page itself is what matters; the warning comes with the next one.
  }
  return view;
}

// Keyboard shortcuts, as in most link managers: "/" searches, "n" starts a new link (not while typing).
document.addEventListener("keydown", (event) => {
  const target = event.target as HTMLElement;
  if (event.ctrlKey || event.metaKey || event.altKey || target.closest("input, textarea, select, [contenteditable], dialog")) return;
  if (event.key === "/") {
    const search = document.getElementById("search");
    if (search) {
      event.preventDefault();
      search.focus();
    }
  } else if (event.key === "n") {
    const create = Array.from(document.querySelectorAll<HTMLButtonElement>("main button")).find((b) => b.textContent === "New link");
    if (create) {
      event.preventDefault();
      create.click();
    }
  }
});

window.addEventListener("hashchange", () => void render());
void render();
