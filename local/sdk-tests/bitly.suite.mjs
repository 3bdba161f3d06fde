// node-bitly (bitly 7.1.2) against Shortstack's Bitly API (/v4), through a local TLS terminator, checked against /v1.

import assert from "node:assert/strict";
import bitlySdk from "bitly";
import { counted, refused } from "./shortstack.mjs";
import { startTlsTerminator } from "./tls-terminator.mjs";

const { BitlyClient } = bitlySdk;

export const name = "bitly 7.1.2 (Bitly API v4)";

export async function run(shortstack, counts) {
  const tls = await startTlsTerminator(shortstack.baseUrl);
  try {
    await suite(shortstack, counted(new BitlyClient(shortstack.key, { apiUrl: tls.host }), counts), tls);
  } finally {
    await tls.close();
  }
}

async function suite(shortstack, bitly, tls) {
  // Shorten, and create with tags; node-bitly sends domain "bit.ly" unless told otherwise: it means the default domain.
  const shortened = await bitly.shorten("https://example.com/bitly/shorten");
  const slug = shortened.id.split("/").pop();
  assert.equal(shortened.link, `${shortstack.baseUrl}/${slug}`);
  assert.equal((await shortstack.link(slug)).url, "https://example.com/bitly/shorten");
  const tagged = await bitly.bitlyRequest("bitlinks", { long_url: "https://example.com/bitly/tagged", tags: ["sdk", "bitly"],
    title: "Tagged by node-bitly" });
  const taggedSlug = tagged.id.split("/").pop();
  assert.deepEqual((await shortstack.link(taggedSlug)).tags, ["sdk", "bitly"]);
  assert.equal((await shortstack.link(taggedSlug)).title, "Tagged by node-bitly");

  // Read: by ID, by short URL, by bit.ly-style ID, and expand.
  assert.equal((await bitly.getBitlink(shortened.id)).long_url, "https://example.com/bitly/shorten");
  assert.equal((await bitly.info(shortened.link)).id, shortened.id);
  assert.equal((await bitly.getBitlink(`bit.ly/${slug}`)).id, shortened.id);
  assert.equal((await bitly.expand(shortened.id)).long_url, "https://example.com/bitly/shorten");

  // Groups, the user, a group's Bitlinks page by page.
  const { groups } = await bitly.bitlyRequest("groups", {}, "GET");
  assert.equal(groups.length, 1);
  const user = await bitly.bitlyRequest("user", {}, "GET");
  assert.equal(user.default_group_guid, groups[0].guid);
  const firstPage = await bitly.bitlyRequest(`groups/${groups[0].guid}/bitlinks`, { size: 1, query: "example.com/bitly/" }, "GET");
  assert.equal(firstPage.pagination.total, 2);
  assert.equal(firstPage.links.length, 1);
  assert.equal(firstPage.links[0].id, tagged.id, "newest first");

  // Edit: the long URL and the tags; /v1 sees both.
  const edited = await bitly.bitlyRequest(`bitlinks/${tagged.id}`, { long_url: "https://example.com/bitly/edited", tags: ["edited"] }, "PATCH");
  assert.equal(edited.long_url, "https://example.com/bitly/edited");
  const own = await shortstack.link(taggedSlug);
  assert.equal(own.url, "https://example.com/bitly/edited");
  assert.deepEqual(own.tags, ["edited"]);

  // Click figures: a person and a bot follow the link; Bitly's figures are /v1's people's clicks.
  await shortstack.visit(slug);
  const totals = await shortstack.awaitTotals(slug, { human: 1, bot: 1 });
  const clicks = await bitly.clicks(shortened.id, "day", 7);
  assert.equal(clicks.link_clicks.length, 7);
  assert.equal(clicks.link_clicks.reduce((sum, c) => sum + c.clicks, 0), totals.human);
  assert.equal(clicks.link_clicks[0].clicks, totals.human, "today's clicks come first");
  const byDay = await bitly.clicksByDay(shortened.id);
  assert.equal(byDay.link_clicks.reduce((sum, c) => sum + c.clicks, 0), totals.human);
  const summary = await bitly.bitlyRequest(`bitlinks/${shortened.id}/clicks/summary`, { unit: "month", units: -1 }, "GET");
  assert.equal(summary.total_clicks, totals.human);
  const countries = await bitly.countries(shortened.id);
  assert.equal(countries.facet, "countries");
  assert.equal(countries.metrics.reduce((sum, m) => sum + m.clicks, 0), totals.human);
  const referrers = await bitly.referrers(shortened.id);
  assert.equal(referrers.metrics.reduce((sum, m) => sum + m.clicks, 0), totals.human);

  // Refusals in Bitly's shape.
  await refused(() => bitly.bitlyRequest("bitlinks", { long_url: "notaurl" }), { message: "INVALID_ARG_LONG_URL" }, "an invalid long URL");
  await refused(() => bitly.bitlyRequest("bitlinks", { long_url: "https://example.com/x", deeplinks: [{ app_id: "x" }] }),
    { message: "INVALID_ARG_DEEPLINKS" }, "deep links Shortstack has none of");
  await refused(() => bitly.getBitlink("bit.ly/nothere1"), { message: "NOT_FOUND" }, "an unknown Bitlink");
  await refused(() => new BitlyClient("ssk_wrongwrongwr_" + "x".repeat(32), { apiUrl: tls.host }).getBitlink(shortened.id),
    { message: "FORBIDDEN" }, "a wrong token");

  // Delete: gone from Bitly's API and from /v1.
  const deleted = await bitly.bitlyRequest(`bitlinks/${tagged.id}`, {}, "DELETE");
  assert.deepEqual(deleted.links_deleted.map((l) => l.id), [tagged.id]);
  assert.equal(await shortstack.link(taggedSlug), null);
  await refused(() => bitly.getBitlink(tagged.id), { message: "NOT_FOUND" }, "a deleted Bitlink");
}
