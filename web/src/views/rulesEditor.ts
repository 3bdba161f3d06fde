import { api, ApiError, RedirectRule } from "../api";
import { h, replace } from "../dom";

const DEVICES = ["mobile", "tablet", "desktop"];
const OSES = ["ios", "android", "windows", "macos", "linux", "chromeos"];
const BROWSERS = ["chrome", "safari", "firefox", "edge", "opera", "samsung"];

interface RulePreview {
  rule: number | null;
  url: string | null;
  then?: RedirectRule;
  agent: { device: string; os: string; browser: string };
}

export interface RulesEditor {
  element: HTMLElement;
  /** The rules as the API takes them. */
  value(): RedirectRule[];
  /** Shows the API's field errors under `rules…` next to their rule; returns the fields it could not place. */
  showErrors(fieldErrors: Record<string, string>): Record<string, string>;
  clearErrors(): void;
}

/**
 * Targeting rules as a list of cards (first match wins), and a live "which URL would this visitor
 * get" preview answered by the API's own rule engine, so the preview is what a real visit gets.
 */
export function rulesEditor(initial: RedirectRule[]): RulesEditor {
  const list = h("ol", { class: "rules" });
  const cards: RuleCard[] = [];
  let counter = 0;
  const renumber = () => cards.forEach((card, i) => { card.legend.textContent = `Rule ${i + 1}`; });
  const add = (rule: RedirectRule) => {
    const card = ruleCard(rule, ++counter, () => {
      cards.splice(cards.indexOf(card), 1);
      card.element.remove();
      renumber();
      schedulePreview();
    });
    card.element.addEventListener("input", () => schedulePreview());
    cards.push(card);
    list.append(card.element);
    renumber();
  };
  initial.forEach(add);

  const previewAgent = h("input", { id: "preview-agent", type: "text", value: navigator.userAgent });
  const previewCountry = h("input", { id: "preview-country", type: "text", value: "", placeholder: "DE", size: 4 });
  const previewLanguage = h("input", { id: "preview-language", type: "text", value: navigator.languages.join(",") });
  const previewQuery = h("input", { id: "preview-query", type: "text", value: "", placeholder: "ref=newsletter" });
  const previewResult = h("output", { id: "preview-result", "aria-live": "polite", for: "preview-agent preview-country preview-language preview-query" });
  let timer: number | undefined;
  const schedulePreview = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void runPreview(), 250);
  };
  const runPreview = async () => {
    const rules = value();
    if (!rules.length) {
      replace(previewResult, "No rules: every visitor goes to the destination URL.");
      return;
    }
    try {
      const result = await api<RulePreview>("POST", "/v1/rules/preview", {
        rules,
        visitor: {
          userAgent: previewAgent.value,
          country: previewCountry.value.trim() || undefined,
          language: previewLanguage.value.trim() || undefined,
          query: Object.fromEntries(new URLSearchParams(previewQuery.value.replace(/^\?/, ""))),
        },
      });
      const read = `read as ${result.agent.device} · ${result.agent.os} · ${result.agent.browser}`;
      if (result.rule === null) {
        replace(previewResult, `No rule matches (${read}): the destination URL.`);
      } else if (result.url) {
        replace(previewResult, `Rule ${result.rule} (${read}) → `, h("span", { class: "url" }, result.url));
      } else {
        const split = result.then?.split ?? [];
        replace(previewResult, `Rule ${result.rule} (${read}) → an A/B split: `,
          split.map((v) => `${v.url} for ${v.weight} %`).join(", "), " (each visitor keeps one variant all day)");
      }
    } catch (e) {
      const fields = e instanceof ApiError ? Object.entries(e.fieldErrors).map(([f, m]) => `${f}: ${m}`).join("; ") : "";
      replace(previewResult, `Cannot preview yet: ${fields || (e as Error).message}`);
    }
  };
  for (const input of [previewAgent, previewCountry, previewLanguage, previewQuery]) input.addEventListener("input", schedulePreview);

  const value = () => cards.map((card) => card.value());
  const element = h("fieldset", { class: "rules-editor" },
    h("legend", {}, "Targeting rules (optional)"),
    h("p", { class: "hint" }, "The first rule whose conditions all hold wins; visitors no rule matches go to the destination URL. "
      + "Links with rules are never cached, so every visitor is sent by the rules."),
    list,
    h("button", { type: "button", class: "add-rule", onclick: () => { add({ url: "" }); schedulePreview(); } }, "Add rule"),
    h("section", { class: "rule-preview", "aria-label": "Rule preview" },
      h("h3", {}, "Which URL would this visitor get?"),
      h("div", { class: "field" }, h("label", { for: previewAgent.id }, "User agent"), previewAgent),
      h("div", { class: "inline-fields" },
        h("div", { class: "field" }, h("label", { for: previewCountry.id }, "Country"), previewCountry),
        h("div", { class: "field" }, h("label", { for: previewLanguage.id }, "Accept-Language"), previewLanguage),
        h("div", { class: "field" }, h("label", { for: previewQuery.id }, "Query"), previewQuery)),
      previewResult));
  if (initial.length) schedulePreview();
  return {
    element,
    value,
    showErrors(fieldErrors) {
      const rest: Record<string, string> = {};
      for (const [field, message] of Object.entries(fieldErrors)) {
        const match = /^rules\[(\d+)]/.exec(field);
        const card = match ? cards[Number(match[1])] : undefined;
        if (card) card.error.textContent += `${field.replace(/^rules\[\d+]\.?/, "") || "rule"}: ${message} `;
        else rest[field] = message;
      }
      return rest;
    },
    clearErrors() {
      cards.forEach((card) => { card.error.textContent = ""; });
    },
  };
}

interface RuleCard {
  element: HTMLLIElement;
  legend: HTMLElement;
  error: HTMLElement;
  value(): RedirectRule;
}

/** One rule: its conditions, and where it sends visitors (one URL, or "URL weight" lines for an A/B split). */
function ruleCard(rule: RedirectRule, id: number, onRemove: () => void): RuleCard {
  const when = rule.when ?? {};
  const prefix = `rule${id}`;
  const checkboxes = (name: string, label: string, options: string[], chosen: string[] = []) => {
    const boxes = options.map((option) => h("input", { type: "checkbox", value: option, checked: chosen.includes(option), id: `${prefix}-${name}-${option}` }));
    return {
      element: h("fieldset", { class: "choices" }, h("legend", {}, label),
        ...boxes.map((box, i) => h("label", { for: box.id }, box, ` ${options[i]}`))),
      value: () => boxes.filter((box) => box.checked).map((box) => box.value),
    };
  };
  const text = (name: string, label: string, current: string, hint?: string) => {
    const input = h("input", { type: "text", id: `${prefix}-${name}`, value: current });
    return { input, element: h("div", { class: "field" }, h("label", { for: input.id }, label), input, hint ? h("p", { class: "hint" }, hint) : null) };
  };
  const instant = (name: string, label: string, current?: string) => {
    const input = h("input", { type: "datetime-local", id: `${prefix}-${name}`, value: current ? toLocalInput(current) : "" });
    return { input, element: h("div", { class: "field" }, h("label", { for: input.id }, label), input) };
  };
  const device = checkboxes("device", "Device", DEVICES, when.device);
  const os = checkboxes("os", "Operating system", OSES, when.os);
  const browser = checkboxes("browser", "Browser", BROWSERS, when.browser);
  const country = text("country", "Countries", (when.country ?? []).join(", "), "ISO codes, e.g. DE, AT");
  const language = text("language", "Languages", (when.language ?? []).join(", "), "e.g. de, pt-BR");
  const query = text("query", "Query parameters", new URLSearchParams(when.query ?? {}).toString(), "e.g. ref=newsletter");
  const from = instant("from", "From (your local time)", when.from);
  const until = instant("until", "Until", when.until);
  const targets = rule.split?.length ? rule.split.map((v) => `${v.url} ${v.weight}`).join("\n") : rule.url ?? "";
  const target = h("textarea", { id: `${prefix}-target`, rows: 2, required: true }, targets);
  const legend = h("legend", {});
  const error = h("p", { class: "field-error", role: "alert" });
  const element = h("li", {}, h("fieldset", { class: "rule" }, legend,
    h("div", { class: "field" }, h("label", { for: target.id }, "Send to"), target,
      h("p", { class: "hint" }, "One URL; or, for an A/B split, 2 to 5 lines of “URL percent” adding up to 100")),
    h("details", { open: Object.keys(when).length > 0 }, h("summary", {}, "Conditions (none: every visitor)"),
      device.element, os.element, browser.element, country.element, language.element, query.element,
      h("div", { class: "inline-fields" }, from.element, until.element)),
    error,
    h("button", { type: "button", class: "remove-rule", onclick: onRemove }, "Remove rule")));
  const list = (raw: string) => raw.split(",").map((v) => v.trim()).filter((v) => v);
  return {
    element, legend, error,
    value() {
      const conditions: Record<string, unknown> = {};
      const put = (name: string, values: string[]) => { if (values.length) conditions[name] = values; };
      put("device", device.value());
      put("os", os.value());
      put("browser", browser.value());
      put("country", list(country.input.value));
      put("language", list(language.input.value));
      const params = Object.fromEntries(new URLSearchParams(query.input.value.trim().replace(/^\?/, "")));
      if (Object.keys(params).length) conditions.query = params;
      if (from.input.value) conditions.from = new Date(from.input.value).toISOString();
      if (until.input.value) conditions.until = new Date(until.input.value).toISOString();
      const lines = target.value.split("\n").map((line) => line.trim()).filter((line) => line);
      const result: RedirectRule = Object.keys(conditions).length ? { when: conditions as RedirectRule["when"] } : {};
      if (lines.length > 1) {
        result.split = lines.map((line) => {
          const [url, weight] = line.split(/\s+/);
          return { url, weight: Number((weight ?? "").replace("%", "")) };
        });
      } else {
        result.url = lines[0] ?? "";
      }
      return result;
    },
  };
}

/** An instant as a datetime-local value in the browser's time zone. */
function toLocalInput(iso: string): string {
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
