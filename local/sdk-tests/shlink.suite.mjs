// @shlinkio/shlink-js-sdk against Shortstack's Shlink REST API (/rest/v3), checked against /v1.

import assert from "node:assert/strict";
import { ShlinkApiClient } from "@shlinkio/shlink-js-sdk";
import { NodeHttpClient } from "@shlinkio/shlink-js-sdk/node";
import { counted, refused } from "./shortstack.mjs";

export const name = "@shlinkio/shlink-js-sdk 3.2.1 (Shlink REST v3)";

export async function run(shortstack, counts) {
  const shlink = counted(new ShlinkApiClient(new NodeHttpClient(), { baseUrl: shortstack.baseUrl, apiKey: shortstack.key }), counts);

  // Health, unauthenticated as in Shlink; the one domain.
  assert.equal((await shlink.health()).status, "pass");
  const domains = await shlink.listDomains();
  assert.deepEqual(domains.data.map((d) => [d.domain, d.isDefault]), [[new URL(shortstack.baseUrl).host, true]]);

  // Create: a custom slug with tags and a limit, and a generated one.
  const created = await shlink.createShortUrl({ longUrl: "https://example.com/shlink/docs", customSlug: "shlink-docs",
    tags: ["Docs", "sdk"], maxVisits: 50, title: "Shlink docs" });
  assert.equal(created.title, "Shlink docs");
  assert.equal(created.shortCode, "shlink-docs");
  assert.equal(created.shortUrl, `${shortstack.baseUrl}/shlink-docs`);
  assert.deepEqual(created.visitsSummary, { total: 0, nonBots: 0, bots: 0 });
  const generated = await shlink.createShortUrl({ longUrl: "https://example.com/shlink/generated", tags: ["sdk"] });
  assert.match(generated.shortCode, /^[A-Za-z0-9_-]+$/);
  for (const link of [created, generated]) {
    const own = await shortstack.link(link.shortCode);
    assert.equal(own.url, link.longUrl);
    assert.deepEqual(own.tags, link.tags);
    assert.equal(own.title, link.title);
  }
  assert.equal((await shortstack.link("shlink-docs")).maxVisits, 50);
  await refused(() => shlink.createShortUrl({ longUrl: "https://example.com/x", customSlug: "shlink-docs" }),
    { type: "https://shlink.io/api/error/non-unique-slug", status: 400 }, "a taken slug");
  await refused(() => shlink.createShortUrl({ longUrl: "notaurl" }),
    { type: "https://shlink.io/api/error/invalid-data", invalidElements: ["longUrl"] }, "an invalid long URL");
  await refused(() => shlink.createShortUrl({ longUrl: "https://example.com/x", crawlable: true }),
    { type: "https://shlink.io/api/error/invalid-data", invalidElements: ["crawlable"] }, "crawling Shortstack has no setting for");

  // Get and list, with Shlink's filters, order and page numbers.
  const fetched = await shlink.getShortUrl({ shortCode: "shlink-docs" });
  assert.equal(fetched.longUrl, "https://example.com/shlink/docs");
  assert.equal(fetched.meta.maxVisits, 50);
  const all = await shlink.listShortUrls({ itemsPerPage: 1, orderBy: { field: "shortCode", dir: "ASC" } });
  assert.equal(all.pagination.totalItems, 2);
  assert.equal(all.pagination.pagesCount, 2);
  assert.equal(all.data.length, 1);
  const docs = await shlink.listShortUrls({ tags: ["docs"], searchTerm: "shlink" });
  assert.deepEqual(docs.data.map((s) => s.shortCode), ["shlink-docs"]);
  const both = await shlink.listShortUrls({ tags: ["docs", "sdk"], tagsMode: "all" });
  assert.deepEqual(both.data.map((s) => s.shortCode), ["shlink-docs"]);

  // Edit: the long URL and the limit; /v1 sees the change.
  const edited = await shlink.updateShortUrl({ shortCode: "shlink-docs" }, { longUrl: "https://example.com/shlink/v2", maxVisits: null });
  assert.equal(edited.longUrl, "https://example.com/shlink/v2");
  const own = await shortstack.link("shlink-docs");
  assert.equal(own.url, "https://example.com/shlink/v2");
  assert.equal(own.maxVisits, null);

  // Redirect rules: Shlink's conditions become Shortstack's targeting rules and read back the same.
  await shlink.createShortUrl({ longUrl: "https://example.com/shlink/app", customSlug: "shlink-rules" });
  const rules = [
    { longUrl: "https://apps.apple.com/app/id1", conditions: [{ type: "device", matchKey: null, matchValue: "ios" }] },
    { longUrl: "https://example.com/shlink/de", conditions: [{ type: "language", matchKey: null, matchValue: "de" },
      { type: "query-param", matchKey: "ref", matchValue: "mail" }] },
  ];
  const set = await shlink.setShortUrlRedirectRules({ shortCode: "shlink-rules" }, { redirectRules: rules });
  assert.deepEqual(set.redirectRules, rules.map((rule, i) => ({ ...rule, priority: i + 1 })));
  assert.deepEqual(await shlink.getShortUrlRedirectRules({ shortCode: "shlink-rules" }), set);
  assert.deepEqual((await shortstack.link("shlink-rules")).rules.map((rule) => rule.when),
    [{ os: ["ios"] }, { language: ["de"], query: { ref: "mail" } }]);
  assert.equal((await shlink.getShortUrl({ shortCode: "shlink-rules" })).hasRedirectRules, true);
  await refused(() => shlink.setShortUrlRedirectRules({ shortCode: "shlink-rules" },
    { redirectRules: [{ longUrl: "https://example.com/x", conditions: [{ type: "ip-address", matchKey: null, matchValue: "1.2.3.4" }] }] }),
  { type: "https://shlink.io/api/error/invalid-data", invalidElements: ["redirectRules[0]"] }, "an IP address condition Shortstack cannot match");

  // Click figures: a person and a bot follow the link; Shlink's figures are /v1's.
  await shortstack.visit("shlink-docs");
  const totals = await shortstack.awaitTotals("shlink-docs", { human: 1, bot: 1 });
  const visits = await shlink.getShortUrlVisits({ shortCode: "shlink-docs" });
  assert.equal(visits.pagination.totalItems, totals.human + totals.bot);
  assert.deepEqual(visits.data.map((v) => v.potentialBot).sort(), [false, true]);
  const people = await shlink.getShortUrlVisits({ shortCode: "shlink-docs" }, { excludeBots: true });
  assert.equal(people.pagination.totalItems, totals.human);
  const summary = (await shlink.getShortUrl({ shortCode: "shlink-docs" })).visitsSummary;
  assert.deepEqual(summary, { total: totals.human + totals.bot, nonBots: totals.human, bots: totals.bot });
  const byVisits = await shlink.listShortUrls({ orderBy: { field: "visits", dir: "DESC" } });
  assert.equal(byVisits.data[0].shortCode, "shlink-docs");

  // Tags: list, statistics, rename, delete.
  assert.deepEqual((await shlink.listTags()).data, ["Docs", "sdk"]);
  const stats = (await shlink.tagsStats()).data;
  assert.deepEqual(stats.map((t) => [t.tag, t.shortUrlsCount, t.visitsSummary.total]), [["Docs", 1, 2], ["sdk", 2, 2]]);
  await shlink.editTag({ oldName: "Docs", newName: "manual" });
  assert.deepEqual((await shortstack.link("shlink-docs")).tags, ["manual", "sdk"]);
  await refused(() => shlink.editTag({ oldName: "nothing", newName: "x" }),
    { type: "https://shlink.io/api/error/tag-not-found", status: 404 }, "renaming a tag nobody has");
  await shlink.deleteTags(["sdk"]);
  assert.deepEqual((await shortstack.link(generated.shortCode)).tags, []);

  // Delete: gone from Shlink's API and from /v1.
  await shlink.deleteShortUrl({ shortCode: generated.shortCode });
  assert.equal(await shortstack.link(generated.shortCode), null);
  await refused(() => shlink.getShortUrl({ shortCode: generated.shortCode }),
    { type: "https://shlink.io/api/error/short-url-not-found", status: 404 }, "a deleted short URL");

  // A wrong key is Shlink's invalid-api-key.
  const stranger = new ShlinkApiClient(new NodeHttpClient(), { baseUrl: shortstack.baseUrl, apiKey: "ssk_wrongwrongwr_" + "x".repeat(32) });
  await refused(() => stranger.listShortUrls(), { type: "https://shlink.io/api/error/invalid-api-key", status: 401 }, "a wrong key");
}
