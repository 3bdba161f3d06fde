import { api, ApiError, session, SessionInfo } from "../api";
import { h } from "../dom";

/** Signs in with an API key: checked with one read (which says its role), then kept in this tab's session storage. */
export function signInView(): HTMLElement {
  const input = h("input", { id: "api-key", name: "apiKey", type: "password", autocomplete: "off", required: true, spellcheck: "false", placeholder: "ssk_…" });
  const error = h("p", { id: "api-key-error", class: "field-error", role: "alert" });
  const form = h("form", {
    class: "card narrow", onsubmit: async (event: Event) => {
      event.preventDefault();
      error.textContent = "";
      const key = input.value.trim();
      try {
        session.signIn(key, await api<SessionInfo>("GET", "/v1/session", undefined, key));
        location.hash = "#/links";
      } catch (e) {
        error.textContent = e instanceof ApiError && e.status === 401
          ? "That key is not valid (or was revoked)." : `Could not sign in: ${(e as Error).message}`;
        input.setAttribute("aria-invalid", "true");
        input.focus();
      }
    },
  },
    h("h1", {}, "Sign in"),
    h("p", {}, "Use an API key of your workspace. The local runner prints one when it starts."),
    h("label", { for: "api-key" }, "API key"),
    input,
    error,
    h("button", { type: "submit", class: "primary" }, "Sign in"));
  input.setAttribute("aria-describedby", "api-key-error");
  return form;
}
