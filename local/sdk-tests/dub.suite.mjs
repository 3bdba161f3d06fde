// dub 0.73.5 (Dub's official TypeScript SDK, which validates every response against Dub's schemas)
// against Shortstack's Dub API (/dub), checked against /v1.

import assert from "node:assert/strict";
import { Dub } from "dub";
import { counted, refused } from "./shortstack.mjs";

export const name = "dub 0.73.5 (Dub API)";

export async function run(shortstack, counts) {
  const dub = new Dub({ token: shortstack.key, serverURL: `${shortstack.baseUrl}/dub` });
  const links = counted(dub.links, counts, "links.");
  const analytics = counted(dub.analytics, counts, "analytics.");
  const tags = counted(dub.tags, counts, "tags.");
  const domains = counted(dub.domains, counts, "domains.");
  const host = new URL(shortstack.baseUrl).host;

  // The one domain.
  const domainPages = [];
  for await (const page of await domains.list({})) domainPages.push(...page.result);
  assert.deepEqual(domainPages.map((d) => [d.slug, d.primary]), [[host, true]]);

  // Create: a key, tags by name, UTM fields that go into the URL, an expiry; and one with a generated key.
  const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const created = await links.create({ url: "https://example.com/dub/launch", key: "dub-launch", domain: host,
    tagNames: ["dub", "Launch"], utmSource: "newsletter", expiresAt, title: "Dub launch", description: "Made by the dub SDK",
    expiredUrl: "https://example.com/dub/over" });
  assert.equal(created.expiredUrl, "https://example.com/dub/over");
  assert.equal(created.title, "Dub launch");
  assert.equal((await shortstack.link("dub-launch")).description, "Made by the dub SDK");
  assert.equal((await shortstack.link("dub-launch")).fallbackUrl, "https://example.com/dub/over");
  assert.equal(created.id, "dub-launch");
  assert.equal(created.shortLink, `${shortstack.baseUrl}/dub-launch`);
  assert.equal(created.url, "https://example.com/dub/launch?utm_source=newsletter");
  assert.equal(created.utmSource, "newsletter");
  assert.deepEqual(created.tags.map((t) => t.name), ["dub", "Launch"]);
  const generated = await links.create({ url: "https://example.com/dub/generated", tagNames: "dub" });
  const own = await shortstack.link("dub-launch");
  assert.equal(own.url, created.url);
  assert.equal(Date.parse(own.expiresAt), Date.parse(expiresAt));
  assert.equal(Date.parse(created.expiresAt), Date.parse(expiresAt));
  assert.deepEqual((await shortstack.link(generated.key)).tags, ["dub"]);
  await refused(() => links.create({ url: "https://example.com/x", key: "dub-launch" }), { name: "Conflict", statusCode: 409 },
    "a taken key");
  await refused(() => links.create({ url: "https://example.com/x", rewrite: true }),
    { name: "UnprocessableEntity", statusCode: 422 }, "link cloaking, which Shortstack does not do");
  // Device and country targeting become Shortstack rules, and a password its slow hash; both read back.
  const targeted = await links.create({ url: "https://example.com/app", key: "dub-targeted", ios: "https://apps.apple.com/app/id1",
    android: "https://play.google.com/store/apps/details?id=x", geo: { DE: "https://example.com/de" }, password: "open sesame!" });
  assert.equal(targeted.ios, "https://apps.apple.com/app/id1");
  assert.deepEqual(targeted.geo, { DE: "https://example.com/de" });
  const targetedOwn = await shortstack.link("dub-targeted");
  assert.equal(targetedOwn.passwordProtected, true);
  assert.deepEqual(targetedOwn.rules.map((rule) => rule.when), [{ os: ["ios"] }, { os: ["android"] }, { country: ["DE"] }]);

  // Get by id and by domain and key; list with a tag filter and page by page.
  assert.equal((await links.get({ linkId: "dub-launch" })).url, created.url);
  assert.equal((await links.get({ domain: host, key: generated.key })).id, generated.key);
  const tagged = [];
  for await (const page of await links.list({ tagNames: "launch" })) tagged.push(...page.result);
  assert.deepEqual(tagged.map((l) => l.key), ["dub-launch"]);
  const paged = [];
  for await (const page of await links.list({ search: "example.com/dub/", pageSize: 1 })) paged.push(page.result.length);
  assert.deepEqual(paged, [1, 1, 0].slice(0, paged.length));
  assert.equal(paged.filter((n) => n === 1).length, 2);

  // Update: the URL and the tags; /v1 sees both.
  const updated = await links.update("dub-launch", { url: "https://example.com/dub/v2", tagNames: ["v2"] });
  assert.equal(updated.url, "https://example.com/dub/v2");
  assert.deepEqual((await shortstack.link("dub-launch")).tags, ["v2"]);
  await refused(() => links.update("dub-launch", { key: "renamed" }),
    { name: "UnprocessableEntity" }, "a new key for an existing link");

  // Click figures: a person and a bot follow the link; Dub's figures are /v1's people's clicks.
  await shortstack.visit("dub-launch");
  const totals = await shortstack.awaitTotals("dub-launch", { human: 1, bot: 1 });
  const count = await analytics.retrieve({ event: "clicks", groupBy: "count", linkId: "dub-launch", interval: "24h" });
  assert.equal(count.clicks, totals.human);
  const series = await analytics.retrieve({ groupBy: "timeseries", linkId: "dub-launch", interval: "7d" });
  assert.equal(series.reduce((sum, point) => sum + point.clicks, 0), totals.human);
  const countries = await analytics.retrieve({ groupBy: "countries", linkId: "dub-launch", interval: "24h" });
  assert.equal(countries.reduce((sum, row) => sum + row.clicks, 0), totals.human);
  const top = await analytics.retrieve({ groupBy: "top_links", tagIds: "v2", interval: "24h" });
  assert.deepEqual(top.map((row) => [row.key, row.clicks]), [["dub-launch", totals.human]]);
  assert.equal((await links.get({ linkId: "dub-launch" })).clicks, totals.human);
  await refused(() => analytics.retrieve({ event: "sales", linkId: "dub-launch" }), { name: "UnprocessableEntity" },
    "sales, which Shortstack does not count");

  // Tags.
  const tagList = await tags.list({});
  assert.ok(["dub", "v2"].every((tag) => tagList.some((t) => t.name === tag && t.id === tag)), JSON.stringify(tagList));
  assert.deepEqual((await tags.list({ search: "du" })).map((t) => t.name), ["dub"]);
  await refused(() => tags.create({ name: "new" }), { name: "UnprocessableEntity" }, "a tag on no link");

  // Delete: gone from Dub's API and from /v1.
  assert.deepEqual(await links.delete(generated.key), { id: generated.key });
  assert.equal(await shortstack.link(generated.key), null);
  await refused(() => links.get({ linkId: generated.key }), { name: "NotFound", statusCode: 404 }, "a deleted link");
  const stranger = new Dub({ token: "ssk_wrongwrongwr_" + "x".repeat(32), serverURL: `${shortstack.baseUrl}/dub` });
  await refused(() => stranger.links.get({ linkId: "dub-launch" }), { name: "Unauthorized", statusCode: 401 }, "a wrong key");
}
