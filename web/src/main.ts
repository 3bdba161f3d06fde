import "./style.css";
import { session } from "./api";
import { h, replace } from "./dom";
import { jobsView } from "./views/jobs";
import { keysView } from "./views/keys";
import { linkView } from "./views/link";
import { linksView } from "./views/links";
import { overviewView } from "./views/overview";
import { signInView } from "./views/signin";

const main = document.getElementById("main")!;
const nav = document.getElementById("nav")!;

const SECTIONS: [string, string][] = [
  ["#/links", "Links"],
  ["#/overview", "Overview"],
  ["#/jobs", "Imports & exports"],
  ["#/keys", "API keys"],
];

function renderNav(route: string): void {
  if (!session.key()) {
    replace(nav);
    return;
  }
  replace(nav,
    h("ul", {}, ...SECTIONS.map(([href, label]) => h("li", {},
      h("a", { href, "aria-current": route.startsWith(href) ? "page" : null }, label)))),
    h("button", {
      type: "button", class: "link-button", onclick: () => {
        session.signOut();
        location.hash = "#/signin";
      },
    }, "Sign out"));
}

async function render(): Promise<void> {
  const route = location.hash || "#/links";
  if (!session.key() && route !== "#/signin") {
    location.hash = "#/signin";
    return;
  }
  renderNav(route);
  const [, section, param] = route.split("/");
  let view: HTMLElement;
  try {
    if (section === "signin") view = signInView();
    else if (section === "links" && param) view = await linkView(decodeURIComponent(param));
    else if (section === "overview") view = await overviewView();
    else if (section === "jobs") view = await jobsView();
    else if (section === "keys") view = await keysView();
    else view = await linksView();
  } catch (error) {
    view = h("section", {}, h("h1", {}, "Something went wrong"), h("p", { role: "alert" }, String((error as Error).message)));
  }
  replace(main, view);
  main.focus();
}

window.addEventListener("hashchange", () => void render());
void render();
