// Shortstack's own API (/v1), the reference every SDK's answers are checked against.

import assert from "node:assert/strict";

const QUIET_TIMEOUT = 60_000;
const DESKTOP_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36";
const BOT_AGENT = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";

export class Shortstack {
  constructor(baseUrl, key) {
    this.baseUrl = baseUrl;
    this.key = key;
  }

  async get(path) {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: { authorization: `Bearer ${this.key}` } });
    return { status: response.status, body: response.status === 204 ? null : await response.json() };
  }

  /** The link as /v1 has it, or null when /v1 says 404. */
  async link(slug) {
    const { status, body } = await this.get(`/v1/links/${encodeURIComponent(slug)}`);
    if (status === 404) return null;
    assert.equal(status, 200, `GET /v1/links/${slug}`);
    return body;
  }

  /** Follows a short link once as a person and once as a link-preview bot, without following the redirect. */
  async visit(slug) {
    for (const agent of [DESKTOP_AGENT, BOT_AGENT]) {
      const response = await fetch(`${this.baseUrl}/${slug}`, { redirect: "manual", headers: { "user-agent": agent } });
      assert.equal(response.status, 302, `a visit of /${slug}`);
    }
  }

  /** Waits until /v1 counts exactly these clicks for the link (the pipeline is then quiet for it), and returns its totals. */
  async awaitTotals(slug, expected) {
    const deadline = Date.now() + QUIET_TIMEOUT;
    let totals;
    while (Date.now() < deadline) {
      ({ totals } = (await this.get(`/v1/links/${slug}/stats`)).body);
      if (totals.human === expected.human && totals.bot === expected.bot) return totals;
      assert.ok(totals.human <= expected.human && totals.bot <= expected.bot, `more clicks than made: ${JSON.stringify(totals)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`/v1 never counted ${JSON.stringify(expected)} for ${slug}: last ${JSON.stringify(totals)}`);
  }
}

/** Wraps an SDK client so every call it makes is counted (the suites print their call counts), named prefix + method. */
export function counted(client, counts, prefix = "") {
  return new Proxy(client, {
    get(target, name) {
      const value = Reflect.get(target, name, target);
      if (typeof value !== "function") return value;
      return (...args) => {
        counts.set(prefix + name, (counts.get(prefix + name) ?? 0) + 1);
        return value.apply(target, args);
      };
    },
  });
}

/** Expects an SDK call to be refused with these fields in its error. */
export async function refused(call, expected, what) {
  let error;
  try {
    await call();
  } catch (e) {
    error = e;
  }
  assert.ok(error, `${what}: expected a refusal`);
  for (const [field, value] of Object.entries(expected)) {
    assert.deepEqual(error[field] ?? error.response?.data?.[field] ?? error.response?.status, value, `${what}: ${field}`);
  }
  return error;
}
