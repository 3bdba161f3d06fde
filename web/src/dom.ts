/** A small element builder: no framework, every node built explicitly. */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | EventListener | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (value === true) {
      element.setAttribute(name, "");
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

let toastTimer: number | undefined;

/** A short message read out by screen readers (the toast region is aria-live). */
export function toast(message: string): void {
  const region = document.getElementById("toast")!;
  region.textContent = message;
  region.classList.add("shown");
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => region.classList.remove("shown"), 3000);
}

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined) return "–";
  return value.toLocaleString("en", { maximumFractionDigits: digits });
}

/** "1 row", "2 rows", "1,024 rows": a count with its noun, in the right number. */
export function plural(count: number | null | undefined, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}

export function formatDate(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "–";
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Saves text as a file the browser downloads. */
export function download(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = h("a", { href: url, download: fileName });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A modal dialog; resolves when it closes, with the button value it closed with. */
export function dialog(title: string, body: Node, actions: { label: string; value: string; primary?: boolean; danger?: boolean }[]): Promise<string> {
  const box = h("dialog", { "aria-labelledby": "dialog-title" },
    h("h2", { id: "dialog-title" }, title),
    body,
    h("form", { method: "dialog", class: "actions" },
      ...actions.map((a) => h("button", { value: a.value, class: a.primary ? "primary" : a.danger ? "danger" : "" }, a.label))));
  document.body.appendChild(box);
  box.showModal();
  return new Promise((resolve) => {
    box.addEventListener("close", () => {
      resolve(box.returnValue);
      box.remove();
    });
  });
}
