// The dashboard in a real browser (Debian's Chromium, driven by playwright-core) against a
// local Shortstack started from the runner jar: sign in with the printed key, create a link,
// follow it (and let a bot preview it), see the clicks in the links list and on the link's chart
// with its language and bot breakdowns, make the same slug on a second short domain (go.localhost) and set that
// domain's not-found page, watch an import's progress, delete the links.
// Screenshots go to SHORTSTACK_SCREENSHOTS (default: ../local/runner/target/browser-test).
//
//   node tests/browser-test.mjs [path/to/shortstack-local.jar]

import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { createServer, get as httpGet } from "node:http";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
// The same start-up as the SDK tests: the runner jar on a free port, its admin key read from its output.
import { startRunner } from "../../local/sdk-tests/runner.mjs";

const axeScript = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

const here = dirname(fileURLToPath(import.meta.url));
const jar = resolve(process.argv[2] ?? resolve(here, "../../local/runner/target/shortstack-local.jar"));
const shots = resolve(process.env.SHORTSTACK_SCREENSHOTS ?? resolve(here, "../../local/runner/target/browser-test"));
const CHROMIUM = "/usr/bin/chromium";
const TIMEOUT = 60_000;
const IMPORT_ROWS = 20_000;
// A desktop browser's agent, so a click counts as a person's (headless Chromium's says so).
const DESKTOP_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36";
const NOT_FOUND_PAGE = "https://example.com/not-found";
const SLACKBOT_AGENT = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  // Browser tools' own downloads are refused here; Debian's package is the browser to test with.
  const root = process.getuid?.() === 0;
  console.log(`${CHROMIUM} is missing: installing Debian's chromium package${root ? "" : " with sudo"}`);
  const aptGet = (...args) => spawnSync(root ? "apt-get" : "sudo", [...(root ? [] : ["apt-get"]), ...args],
    { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status;
  const install = () => aptGet("install", "-y", "--no-install-recommends", "chromium");
  // A machine whose package lists are stale needs them refreshed first.
  if (install() !== 0) {
    aptGet("update");
    install();
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error("Chromium is needed for the browser test: install Debian's 'chromium' package (apt-get install chromium)");
  }
}

async function main() {
  ensureChromium();
  mkdirSync(shots, { recursive: true });
  // Webhooks may go to a receiver on loopback only with this flag (in AWS: https to public addresses only).
  // go.localhost: a second short domain of the default workspace (names under .localhost reach 127.0.0.1).
  const runner = await startRunner(jar, ["--webhooks-allow-loopback", "--domain", "go.localhost"]);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  try {
    await run(browser, runner);
  } finally {
    await browser.close();
    runner.child.kill("SIGTERM");
  }
}

async function run(browser, { baseUrl, key }) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    userAgent: DESKTOP_AGENT,
    permissions: ["clipboard-read", "clipboard-write"],
  });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const failures = [];
  page.on("pageerror", (error) => failures.push(error.message));
  // Every Content-Security-Policy violation of the whole run, as the page itself reports them.
  const cspViolations = [];
  await context.addInitScript(() => document.addEventListener("securitypolicyviolation",
    (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline code"}`
      + ` at ${e.sourceFile || "?"}:${e.lineNumber} on ${location.hash} (${e.sample || (e.target && e.target.outerHTML?.slice(0, 120))})`)));
  page.on("console", (message) => {
    if (message.text().startsWith("CSP violation") || message.text().includes("Content Security Policy")) cspViolations.push(message.text());
  });

  // Sign in with the key the runner printed; a wrong one is refused first.
  const dashboard = await page.goto(`${baseUrl}/`);
  const policy = (await dashboard.allHeaders())["content-security-policy"] ?? "";
  for (const directive of ["script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]) {
    await expectEqual(policy.includes(directive), true, `the dashboard's CSP has ${directive}`);
  }
  await expectEqual(/unsafe-(inline|eval)/.test(policy), false, "the dashboard's CSP allows no inline script or eval");
  // The detector sees violations: on a page of its own, an inline style attribute is refused and reported.
  const probe = await context.newPage();
  const probed = [];
  probe.on("console", (message) => probed.push(message.text()));
  await probe.goto(`${baseUrl}/app/`);
  await probe.evaluate(() => document.body.append(Object.assign(document.createElement("i"), { id: "probe" })));
  await probe.evaluate(() => document.getElementById("probe").setAttribute("style", "color: red"));
  await until(() => probed.some((v) => v.startsWith("CSP violation: style-src-attr")), "the CSP probe's violation");
  await probe.close();
  await page.getByLabel("API key").fill("ssk_wrongwrongwr_" + "x".repeat(32));
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("That key is not valid").waitFor();
  await page.getByLabel("API key").fill(key);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Links" }).waitFor();
  await expectEqual(await page.evaluate(() => document.cookie), "", "no cookie holds the key");

  // A webhook endpoint for a receiver on loopback: its secret is shown once; every link made below reaches the
  // receiver signed with it, and the endpoint's delivery log shows each delivery.
  const receiver = await startReceiver();
  await page.getByRole("link", { name: "Webhooks" }).click();
  await page.getByRole("heading", { name: "Webhooks", exact: true }).waitFor();
  await page.getByLabel("URL (https)").fill("http://10.0.0.1/hook");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await page.getByText("url: must use https").waitFor();
  await page.getByLabel("URL (https)").fill(receiver.url);
  await page.getByLabel("Description (optional)").fill("Browser test receiver");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const webhookSecret = await page.locator("code.secret").textContent();
  await page.getByRole("cell", { name: `${receiver.url} Browser test receiver` }).waitFor();
  await checkAccessibility(page, "webhooks");
  await page.getByRole("link", { name: "Links", exact: true }).click();
  await page.getByRole("heading", { name: "Links" }).waitFor();

  // Create a link; the form shows the API's own field error first.
  const destination = `${baseUrl.replace("localhost", "127.0.0.1")}/health`;
  await page.getByRole("button", { name: "New link", exact: true }).click();
  await page.getByLabel("Destination URL").fill("javascript:alert(1)");
  await page.getByLabel("Slug (optional)").fill("browser-test");
  await page.getByRole("button", { name: "Create link" }).click();
  await page.locator("#link-url-error").filter({ hasText: "http" }).waitFor();
  await page.getByLabel("Destination URL").fill(destination);
  await page.getByLabel("Tags (optional)").fill("e2e, browser");
  await page.getByLabel("Title (optional)").fill("The browser test's link");
  await page.getByRole("button", { name: "Create link" }).click();
  await page.locator('tr[data-slug="browser-test"]').getByText("The browser test's link").waitFor();
  for (let i = 0; i < 3; i++) {
    await page.getByRole("button", { name: "New link", exact: true }).click();
    await page.getByLabel("Destination URL").fill(`https://example.com/campaign/${i}`);
    await page.getByLabel("Tags (optional)").fill(i % 2 ? "campaign" : "campaign, spring");
    await page.getByRole("button", { name: "Create link" }).click();
    await page.locator("dialog").waitFor({ state: "detached" });
  }
  // Tags: counted from the links, renamed on every link that has one, and a tag opens the list filtered by it;
  // the link form suggests the workspace's tags.
  await page.getByRole("link", { name: "Tags" }).click();
  const springRow = page.locator('tr[data-tag="spring"]');
  await expectEqual(await springRow.locator('td[data-label="Links"]').textContent(), "2", "the links tagged spring");
  await expectEqual(await page.locator('tr[data-tag="campaign"] td[data-label="Links"]').textContent(), "3", "the links tagged campaign");
  await quietToast(page);
  await checkAccessibility(page, "tags");
  await page.screenshot({ path: `${shots}/tags.png`, fullPage: true });
  await page.getByRole("button", { name: "Rename the tag spring" }).click();
  await page.getByLabel("New name").fill("summer");
  await page.getByRole("dialog").getByRole("button", { name: "Rename" }).click();
  await page.getByText("Renaming spring to summer: 2 of 2 links done.").waitFor();
  await expectEqual(await page.locator('tr[data-tag="summer"] td[data-label="Links"]').textContent(), "2", "the links tagged summer");
  await expectEqual(await springRow.count(), 0, "the tag spring after its rename");
  await page.getByRole("link", { name: "summer", exact: true }).click();
  await page.getByRole("heading", { name: "Links" }).waitFor();
  await expectEqual(await page.getByLabel("Tag", { exact: true }).inputValue(), "summer", "the links list's tag filter");
  await until(async () => (await page.locator("tr[data-slug]").count()) === 2, "the two links tagged summer");
  await expectEqual(await page.locator("tr[data-slug] .tag", { hasText: "summer" }).count(), 2, "the renamed tag in the list");
  await page.getByRole("button", { name: "New link", exact: true }).click();
  await page.getByLabel("Tags (optional)").fill("e2e, sum");
  await until(async () => (await page.locator('#tag-suggestions option[value="e2e, summer"]').count()) === 1, "the tag suggestion");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await page.locator("dialog").waitFor({ state: "detached" });
  await page.getByRole("link", { name: "Links", exact: true }).click();
  await page.getByLabel("Tag", { exact: true }).fill("");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.locator('tr[data-key="browser-test"]').waitFor();

  // Copy, QR code, edit, disable.
  // (By key: browser-test on go.localhost, made below, is another row with the same slug.)
  const row = page.locator('tr[data-key="browser-test"]');
  await page.getByRole("button", { name: "Copy the short URL of browser-test" }).click();
  await expectEqual(await page.evaluate(() => navigator.clipboard.readText()), `${baseUrl}/browser-test`, "the copied short URL");
  await page.getByRole("button", { name: "QR code of browser-test" }).click();
  await page.getByRole("dialog").getByRole("img", { name: `QR code for ${baseUrl}/browser-test` }).waitFor();
  const [svg] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download SVG" }).click()]);
  await expectEqual(svg.suggestedFilename(), "browser-test-qr.svg", "the QR code download");
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
  await page.getByRole("button", { name: "Edit browser-test" }).click();
  await page.getByLabel("Tags (optional)").fill("e2e, browser, edited");
  await page.getByRole("button", { name: "Save" }).click();
  await row.getByText("edited").waitFor();
  const campaign = page.locator("tr[data-slug]").first();
  const campaignSlug = await campaign.getAttribute("data-slug");
  await page.getByRole("button", { name: `Disable ${campaignSlug}` }).click();
  await page.locator(`tr[data-slug="${campaignSlug}"] .state-disabled`).waitFor();
  // Keyboard: "/" searches and "n" starts a new link (whose form warns what a permanent redirect costs); the favicon is there.
  await page.keyboard.press("/");
  await expectEqual(await page.evaluate(() => document.activeElement?.id), "search", "the element '/' focuses");
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press("n");
  await page.getByRole("dialog").getByLabel("Destination URL").waitFor();
  const permanentNote = page.locator("#link-redirectType-hint");
  await expectEqual(await permanentNote.isVisible(), false, "the permanent-redirect note for a 302");
  await page.getByLabel("Redirect").selectOption("301");
  await permanentNote.filter({ hasText: "go uncounted" }).waitFor();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await page.locator("dialog").waitFor({ state: "detached" });
  await expectEqual((await page.request.get(`${baseUrl}/app/favicon.svg`)).status(), 200, "the favicon");
  await quietToast(page);
  await checkAccessibility(page, "links");
  await page.screenshot({ path: `${shots}/links.png`, fullPage: true });

  // Follow it, as a visitor reading German would; then Slack previews it (a bot's click).
  const visitorContext = await browser.newContext({ userAgent: DESKTOP_AGENT, locale: "de-DE" });
  const visitor = await visitorContext.newPage();
  const response = await visitor.goto(`${baseUrl}/browser-test`);
  await expectEqual(visitor.url(), destination, "the short link redirects to its destination");
  await expectEqual(response.status(), 200, "the destination answers");
  await visitorContext.close();
  const preview = await page.request.get(`${baseUrl}/browser-test`, { headers: { "User-Agent": SLACKBOT_AGENT }, maxRedirects: 0 });
  await expectEqual(Math.floor(preview.status() / 100), 3, "the bot is redirected too");

  // A link with a targeting rule: German speakers go elsewhere, and the form's preview says so before it is saved.
  await page.getByRole("button", { name: "New link", exact: true }).click();
  await page.getByLabel("Destination URL").fill(destination);
  await page.getByLabel("Slug (optional)").fill("rules-test");
  await page.getByRole("button", { name: "Add rule" }).click();
  await page.getByLabel("Send to").fill(`${destination}?lang=de`);
  await page.getByText("Conditions (none: every visitor)").click();
  await page.getByLabel("Languages").fill("de");
  await page.getByLabel("Accept-Language").fill("de-DE,de;q=0.9");
  await page.locator("#preview-result", { hasText: `Rule 1 (read as desktop · linux · chrome) → ${destination}?lang=de` }).waitFor();
  await page.getByLabel("Accept-Language").fill("en-GB,en;q=0.8");
  await page.locator("#preview-result", { hasText: "No rule matches" }).waitFor();
  await checkAccessibility(page, "the link form with a rule");
  await page.getByRole("button", { name: "Create link" }).click();
  await page.locator("dialog").waitFor({ state: "detached" });
  for (const [locale, expected] of [["de-DE", `${destination}?lang=de&ref=browser`], ["en-GB", `${destination}?ref=browser`]]) {
    const ruleVisitor = await browser.newContext({ userAgent: DESKTOP_AGENT, locale });
    const tab = await ruleVisitor.newPage();
    await tab.goto(`${baseUrl}/rules-test?ref=browser`);
    await expectEqual(tab.url(), expected, `where a ${locale} visitor of the rule-based link lands (its query forwarded)`);
    await ruleVisitor.close();
  }

  // A password-protected link: the visitor gets a form (no script needed), a wrong password is refused, the right one passes.
  await page.getByRole("button", { name: "New link", exact: true }).click();
  await page.getByLabel("Destination URL").fill(destination);
  await page.getByLabel("Slug (optional)").fill("password-test");
  await page.getByLabel("Password (optional)").fill("open sesame!");
  await page.getByRole("button", { name: "Create link" }).click();
  await page.locator("dialog").waitFor({ state: "detached" });
  const formContext = await browser.newContext({ userAgent: DESKTOP_AGENT });
  const form = await formContext.newPage();
  await form.goto(`${baseUrl}/password-test`);
  await checkAccessibility(form, "the password form");
  await formContext.close();
  const lockedContext = await browser.newContext({ userAgent: DESKTOP_AGENT, javaScriptEnabled: false });
  const locked = await lockedContext.newPage();
  await locked.goto(`${baseUrl}/password-test?ref=browser`);
  await locked.getByRole("heading", { name: "This link is protected" }).waitFor();
  await locked.getByLabel("Password").fill("guess");
  await locked.getByRole("button", { name: "Continue" }).click();
  await locked.getByText("That password is not right. 4 attempts are left").waitFor();
  await locked.getByLabel("Password").fill("open sesame!");
  await locked.getByRole("button", { name: "Continue" }).click();
  await locked.waitForURL(`${destination}?ref=browser`);
  await lockedContext.close();

  // Every link made above reached the receiver, signed with the endpoint's secret; the delivery log says so.
  await until(() => receiver.received.some((r) => r.type === "link.created" && JSON.parse(r.body).data.link.slug === "password-test"),
    "the receiver got the password link's link.created");
  for (const request of receiver.received) {
    const signed = createHmac("sha256", Buffer.from(webhookSecret.slice("whsec_".length), "base64"))
      .update(`${request.id}.${request.timestamp}.${request.body}`).digest("base64");
    await expectEqual(request.signature.split(" ").includes(`v1,${signed}`), true, `the signature of delivery ${request.id}`);
  }
  await expectEqual(new Set(receiver.received.map((r) => r.id)).size, receiver.received.length, "each delivery received once");
  await page.getByRole("link", { name: "Webhooks" }).click();
  await page.getByRole("button", { name: `Deliveries of ${receiver.url}` }).click();
  const delivered = page.locator("#delivery-log ~ .table-wrap tbody tr", { hasText: "link.created" }).filter({ hasText: "succeeded" });
  await until(async () => (await delivered.count()) >= 6 || (await page.getByRole("button", { name: "Refresh" }).click(), false),
    "six link.created deliveries logged as succeeded");
  await quietToast(page);
  await checkAccessibility(page, "the webhook delivery log");
  await page.screenshot({ path: `${shots}/webhooks.png`, fullPage: true });
  // (After the delivery log's check: the bulk actions' 250 deliveries would fill its page. The receiver takes them.)
  await page.getByRole("link", { name: "Links", exact: true }).click();
  // Bulk actions: 50 links made through the API, all selected through the search, tagged and disabled at once
  // (the API then says so for each), exported, and deleted after a confirmation that counts them.
  const asAdminJson = { Authorization: `Bearer ${key}`, "Content-Type": "application/json" };
  for (let i = 0; i < 50; i += 10) {
    await Promise.all(Array.from({ length: 10 }, (_, j) => page.request.post(`${baseUrl}/v1/links`, {
      headers: asAdminJson, data: { url: `https://example.com/bulk/${i + j}`, slug: `bulk-${String(i + j).padStart(2, "0")}` },
    }).then(async (r) => expectEqual(r.status(), 201, `bulk link ${i + j} created (${await r.text()})`))));
  }
  await page.getByLabel("Search").fill("bulk-");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.locator('tr[data-slug="bulk-49"]').waitFor();
  await page.getByRole("checkbox", { name: "Select all on this page" }).check();
  await page.getByText("20 links selected").waitFor();
  await page.getByRole("button", { name: "Select all matching the search" }).click();
  await page.getByText("50 links selected").waitFor();
  await page.getByRole("button", { name: "Add tag" }).click();
  await page.getByRole("dialog").getByLabel("Tag").fill("bulk");
  await page.getByRole("dialog").getByRole("button", { name: "Add tag" }).click();
  await page.getByText("Adding the tag bulk: 50 of 50 links done.").waitFor();
  await page.getByRole("button", { name: "Disable", exact: true }).click();
  await page.getByText("Disabling: 50 of 50 links done.").waitFor();
  const tagged = await (await page.request.get(`${baseUrl}/v1/links?tag=bulk&limit=100`, { headers: asAdminJson })).json();
  await expectEqual(tagged.items.length, 50, "the links tagged bulk, by the API");
  await expectEqual(tagged.items.filter((l) => l.disabled && l.tags.includes("bulk")).length, 50, "the bulk links disabled and tagged, by the API");
  await page.locator('tr[data-slug="bulk-49"] .state-disabled').waitFor();
  await quietToast(page);
  await checkAccessibility(page, "links with a selection");
  await page.screenshot({ path: `${shots}/links-bulk.png` });
  const [bulkCsv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  await expectEqual(readFileSync(await bulkCsv.path(), "utf8").trim().split("\n").length, 51, "the exported selection's lines");
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("heading", { name: "Delete 50 links?" }).waitFor();
  await page.getByRole("dialog").getByRole("button", { name: "Delete 50 links" }).click();
  await page.getByText("Deleting: 50 of 50 links done.").waitFor();
  await page.getByText("No link matches.").waitFor();
  await page.getByLabel("Search").fill("");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.locator('tr[data-key="browser-test"]').waitFor();

  receiver.close();
  await page.getByRole("link", { name: "Links", exact: true }).click();

  // The links list counts both in its clicks column, with one read for the page (the aggregator
  // is asynchronous: list again until they are there); the list stands when that read fails.
  await page.getByRole("columnheader", { name: "Clicks (30 d)" }).waitFor();
  const listed = row.locator(".clicks");
  await showUntil(page, "Filter", async () => (await listed.textContent()) === "1"
    && (await row.locator(".bots").count()) === 1 && (await row.locator(".bots").textContent()) === "+1 bot",
    async () => `the clicks in the links list: ${await row.locator('td[data-label="Clicks (30 d)"]').textContent()}`);
  const clicksRead = /\/v1\/stats\/links\?/;
  await page.route(clicksRead, (route) => route.abort());
  await page.getByRole("button", { name: "Filter" }).click();
  await row.locator(".clicks", { hasText: "—" }).waitFor();
  await page.unroute(clicksRead);

  // The clicks appear on the link's chart, totals and breakdowns (show again until they are there).
  await page.getByRole("link", { name: "browser-test", exact: true }).click();
  await page.getByRole("heading", { name: "Analytics of browser-test" }).waitFor();
  const humans = page.locator('[data-total="Human clicks"]');
  const bots = page.locator('[data-total="Bot clicks"]');
  await showUntil(page, "Show", async () => (await humans.textContent()) === "1" && (await bots.textContent()) === "1",
    async () => `the clicks on the chart: ${await humans.textContent()} human, ${await bots.textContent()} bot`);
  // (The link's figures: the live view above them has a chart of its own.)
  const figures = page.locator(".stats");
  await figures.locator(".chart canvas").first().waitFor();
  await figures.getByText("Numbers behind the chart").click();
  await expectEqual(await figures.locator("table caption").first().textContent(), "Clicks per day", "the chart's table");
  // The chart reads right: a daily series is labelled by dates (never hours), counts by whole numbers, bots dashed.
  const chart = figures.locator(".chart[data-x-ticks]").first();
  await chart.waitFor();
  const xTicks = JSON.parse(await chart.getAttribute("data-x-ticks"));
  const yTicks = JSON.parse(await chart.getAttribute("data-y-ticks")).filter((t) => t !== "");
  await expectEqual(xTicks.length > 0 && xTicks.every((t) => /^\d{1,2} [A-Z][a-z]{2}$/.test(t)), true, `the daily chart's x ticks are dates (${xTicks})`);
  await expectEqual(yTicks.length > 1 && yTicks.every((t) => /^\d[\d,]*$/.test(t)), true, `the chart's y ticks are whole numbers (${yTicks})`);
  await expectEqual(await figures.locator('.chart-legend li[data-series="bot"] .swatch').first()
    .evaluate((e) => getComputedStyle(e).borderTopStyle), "dashed", "the bot line's legend");
  await expectEqual(await figures.locator('.chart-legend li[data-series="bot"]').first().getAttribute("data-dashed"), "true", "the bot line is dashed");
  await figures.locator(".chart").first().hover();
  await figures.locator(".chart-tip:not([hidden])").first().waitFor();
  await page.getByText(/vs previous 7 days/).first().waitFor();
  await page.getByText("Distinct visitors per UTC day").waitFor();
  const languages = page.getByRole("table", { name: "Languages" });
  await expectEqual(await languages.locator("tbody th").allTextContents(), ["de"], "the visitor's language");
  await expectEqual(await languages.locator("tbody td.num").allTextContents(), ["1"], "the visitor's language's clicks");
  const botNames = page.getByRole("table", { name: "Bots by name" });
  await expectEqual(await botNames.locator("tbody th").allTextContents(), ["Slackbot"], "the bot, by name");
  await expectEqual(await botNames.locator("tbody td.num").allTextContents(), ["1"], "the bot's clicks");
  const [languageCsv] = await Promise.all([page.waitForEvent("download"),
    page.getByRole("button", { name: "Download CSV of Languages" }).click()]);
  await expectEqual(languageCsv.suggestedFilename(), "browser-test-language.csv", "the languages' CSV download");
  await expectEqual(readFileSync(await languageCsv.path(), "utf8"), "value,clicks\nde,1\n", "the languages' CSV");
  await quietToast(page);
  await checkAccessibility(page, "link analytics");
  await page.screenshot({ path: `${shots}/link-analytics.png`, fullPage: true });

  // The workspace overview: the link is among the top links, with its sparkline.
  await page.getByRole("link", { name: "Overview" }).click();
  await page.getByRole("heading", { name: "Top links" }).waitFor();
  await page.getByRole("img", { name: /^browser-test: 1 human clicks/ }).waitFor();
  await expectEqual(await page.locator('[data-total="Bot clicks, last 30 days"]').textContent(), "1", "the workspace's bot clicks");
  // The workspace's live view: every click of this test was made within the hour, so it comes to what the API counts
  // for today (read again each time: a click still on its way reaches both).
  const workspaceLive = page.locator(".live .live-totals");
  let today = "";
  await until(async () => {
    const answer = await page.request.get(`${baseUrl}/v1/stats?top=1`, { headers: { Authorization: `Bearer ${key}` } });
    if (!answer.ok()) return false;
    const { totals } = await answer.json();
    today = `${totals.human} human click${totals.human === 1 ? "" : "s"} and ${totals.bot} bot${totals.bot === 1 ? "" : "s"} in the last 60 minutes`;
    return (await workspaceLive.textContent()) === today;
  }, async () => `the workspace's live view to say "${today}"; it says: ${await workspaceLive.textContent()}`);
  const topRow = page.locator("tr[data-link-id]", { has: page.getByRole("link", { name: "browser-test", exact: true }) });
  await expectEqual(await topRow.locator('td[data-label="Bot clicks"]').textContent(), "1", "the top link's bot clicks");
  await quietToast(page);
  await checkAccessibility(page, "overview");
  await page.screenshot({ path: `${shots}/overview.png`, fullPage: true });
  // A range is kept in the route: chosen, shown, and the same after a reload, compared with the period before.
  await page.getByLabel("Period").selectOption("7d");
  await page.getByRole("button", { name: "Show" }).click();
  await page.locator('[data-total="Human clicks, last 7 days"]').waitFor();
  await expectEqual(new URL(page.url()).hash, "#/overview?range=7d", "the overview's route with a range");
  await page.reload();
  await page.locator('[data-total="Human clicks, last 7 days"]').waitFor();
  await expectEqual(await page.getByLabel("Period").inputValue(), "7d", "the range after a reload");
  await page.getByText(/vs previous 7 days/).first().waitFor();
  await page.getByLabel("Period").selectOption("custom");
  await page.getByLabel("From", { exact: true }).fill("2026-11-01");
  await page.getByLabel("To", { exact: true }).fill("2026-11-30");
  await page.getByRole("button", { name: "Show" }).click();
  await page.getByText(/vs previous 30 days/).first().waitFor();
  await expectEqual(new URL(page.url()).hash, "#/overview?from=2026-11-01&to=2026-11-30", "the overview's route with custom dates");
  await quietToast(page);
  await checkAccessibility(page, "overview with custom dates");
  // A link's last 24 hours are by the hour, labelled by hours.
  await page.goto(`${baseUrl}/app/#/links/browser-test?range=24h`);
  await page.getByRole("heading", { name: "Analytics of browser-test" }).waitFor();
  await page.getByText(/vs previous 24 hours/).first().waitFor();
  const hourly = page.locator(".stats .chart[data-x-ticks]").first();
  await hourly.waitFor();
  const hourTicks = JSON.parse(await hourly.getAttribute("data-x-ticks"));
  await expectEqual(hourTicks.every((t) => /\d{2}:\d{2}$/.test(t)), true, `the hourly chart's x ticks are hours (${hourTicks})`);
  await expectEqual(await page.locator(".stats table caption").first().textContent(), "Clicks per hour", "the hourly chart's table");
  await newestRouteWins(page);

  await shortDomains(page, baseUrl, destination);

  // API keys: a new key is shown once, then revoked.
  await page.getByRole("link", { name: "API keys" }).click();
  await page.getByLabel("Name").fill("browser test key");
  await page.getByLabel("Role").selectOption("read");
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = await page.locator("code.secret").textContent();
  if (!/^ssk_[a-z0-9]{12}_[A-Za-z0-9]{32}$/.test(secret)) throw new Error(`Not a key: ${secret}`);
  await page.getByText("You are signed in with this key").waitFor();
  // Signed in with the read key, the dashboard offers only what that role may do.
  const readerContext = await browser.newContext({ userAgent: DESKTOP_AGENT });
  const reader = await readerContext.newPage();
  await reader.goto(`${baseUrl}/`);
  await reader.getByLabel("API key").fill(secret);
  await reader.getByRole("button", { name: "Sign in" }).click();
  await reader.locator('tr[data-key="browser-test"]').waitFor();
  await expectEqual(await reader.getByRole("button", { name: "New link", exact: true }).count(), 0, "a read key's New link buttons");
  await expectEqual(await reader.getByRole("button", { name: /^(Edit|Disable|Enable|Delete) / }).count(), 0, "a read key's write buttons");
  await expectEqual(await reader.getByRole("link", { name: "API keys" }).count(), 0, "a read key's link to the API keys");
  await reader.getByRole("button", { name: "QR code of browser-test" }).waitFor();
  await reader.getByRole("link", { name: "Domains" }).click();
  await reader.locator('tr[data-domain="go.localhost"]').getByText(NOT_FOUND_PAGE).waitFor();
  await expectEqual(await reader.getByRole("button", { name: /^(Make default|Edit pages)/ }).count(), 0, "a read key's domain buttons");
  await reader.getByRole("link", { name: "Imports & exports" }).click();
  await reader.getByRole("button", { name: "Export", exact: true }).waitFor();
  await expectEqual(await reader.getByRole("button", { name: "Upload and import" }).count(), 0, "a read key's import form");
  await readerContext.close();
  await page.getByRole("button", { name: "Revoke browser test key" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("button", { name: "Revoke browser test key" }).waitFor({ state: "detached" });
  const revoked = await page.request.get(`${baseUrl}/v1/links`, { headers: { Authorization: `Bearer ${secret}` } });
  await expectEqual(revoked.status(), 401, "the revoked key is refused");

  // An import, watched while it runs.
  await page.getByRole("link", { name: "Imports & exports" }).click();
  const rows = ["url,tags"];
  for (let i = 0; i < IMPORT_ROWS; i++) rows.push(`https://example.com/imported/${i},import`);
  await page.getByLabel("File to import").setInputFiles({ name: "links.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n") + "\n") });
  await page.getByLabel("File format").selectOption("shortstack-csv");
  await page.getByRole("button", { name: "Upload and import" }).click();
  await page.waitForFunction(() => {
    const card = document.querySelector('.progress-card[data-status="running"]');
    const percent = Number(card?.getAttribute("data-percent"));
    return percent >= 10 && percent < 90;
  }, undefined, { timeout: 180_000 });
  await quietToast(page);
  await page.screenshot({ path: `${shots}/import-progress.png`, fullPage: true });
  await checkAccessibility(page, "imports and exports");
  await page.locator('.progress-card[data-status="succeeded"]').waitFor({ timeout: 180_000 });

  // An export of the links, offered as a download when it is done.
  await page.getByLabel("What").selectOption("links");
  await page.getByRole("button", { name: "Export", exact: true }).click();
  await page.locator('.progress-card[data-status="succeeded"]').getByRole("link", { name: /Download CSV/ }).waitFor();

  // A Shlink export declared as Bitly's fails at once, and after a reload the jobs list still says why.
  await page.getByLabel("File to import").setInputFiles({ name: "shlink.csv", mimeType: "text/csv",
    buffer: Buffer.from("createdAt,shortCode,longUrl,title,tags,visits\n2024-05-01T10:00:00+00:00,guide,https://a.test/docs,Docs,a|b,7\n") });
  await page.getByLabel("File format").selectOption("bitly-csv");
  await page.getByLabel("When a row's slug cannot be used").selectOption("random");
  await page.getByRole("button", { name: "Upload and import" }).click();
  await page.locator('.progress-card[data-status="failed"]').waitFor({ timeout: 60_000 });
  await page.reload();
  await page.getByRole("table").getByText("This looks like a shlink-csv file, not bitly-csv").waitFor();

  // Delete the link, confirming first; it no longer redirects.
  await page.getByRole("link", { name: "Links" }).click();
  await page.getByLabel("Search").fill("browser-test");
  await page.getByRole("button", { name: "Filter" }).click();
  // The one on go.localhost first: deleting it leaves the default domain's browser-test alone.
  await page.getByRole("button", { name: "Delete go.localhost/browser-test" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await page.locator('tr[data-key="go.localhost/browser-test"]').waitFor({ state: "detached" });
  const asAdmin = { headers: { Authorization: `Bearer ${key}` } };
  await expectEqual((await page.request.get(`${baseUrl}/v1/links/browser-test?domain=go.localhost`, asAdmin)).status(), 404,
    "the deleted link on go.localhost is gone");
  await expectEqual((await page.request.get(`${baseUrl}/v1/links/browser-test`, asAdmin)).status(), 200,
    "browser-test on the default domain is still there");
  await page.getByRole("button", { name: "Delete browser-test" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await page.getByText("No link matches.").waitFor();
  // (The redirect function may still answer from its cache for up to 10 s; the API knows at once.)
  const gone = await page.request.get(`${baseUrl}/v1/links/browser-test`, { headers: { Authorization: `Bearer ${key}` } });
  await expectEqual(gone.status(), 404, "the deleted link is gone");

  // On a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByLabel("Search").fill("campaign");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.locator("tr[data-slug]").nth(2).waitFor();
  await quietToast(page);
  await page.screenshot({ path: `${shots}/links-phone.png`, fullPage: true });
  await page.getByRole("link", { name: "Overview" }).click();
  await page.locator(".live .chart canvas").waitFor();
  await page.getByRole("heading", { name: "Top links" }).waitFor();
  await quietToast(page);
  await checkAccessibility(page, "overview on a phone");
  await page.screenshot({ path: `${shots}/overview-phone.png`, fullPage: true });

  if (failures.length) throw new Error(`Script errors in the page: ${failures.join("; ")}`);
  await expectEqual(cspViolations, [], "Content-Security-Policy violations during the whole run");
  console.log(`Browser test passed (0 CSP violations); screenshots in ${shots}`);
}

/**
 * Links, then Overview, clicked before the links were read: the overview stays once every read has ended (a view
 * that finished late was once drawn over the newer one). Ends on a drawn overview with nothing left in flight.
 */
async function newestRouteWins(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const linksList = /\/v1\/links\?/;
  await page.route(linksList, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole("link", { name: "Links", exact: true }).click();
  await page.getByRole("link", { name: "Overview" }).click();
  await page.getByRole("heading", { name: "Overview", exact: true }).waitFor();
  release();
  await page.locator('main[aria-busy="false"]').waitFor();
  await page.unroute(linksList);
  await expectEqual(await page.getByRole("heading", { level: 1 }).allTextContents(), ["Overview"],
    "the view drawn after Links, then Overview, clicked quickly");
}

/**
 * A second short domain, go.localhost: the form makes a link there with the slug browser-test already has on the
 * default domain, and every action on it names its domain; the Domains view makes it the default for new links (and
 * back) and sets its not-found page, which the redirect then sends unknown slugs to.
 */
async function shortDomains(page, baseUrl, destination) {
  const port = new URL(baseUrl).port;
  const row = page.locator('tr[data-key="browser-test"]');
  const goKey = "go.localhost/browser-test";
  const goDestination = `${destination}?via=go`;
  const goRow = page.locator(`tr[data-key="${goKey}"]`);
  const domainChoice = page.getByLabel("Domain", { exact: true });
  // A workspace with one domain keeps the list and form it had: no domain shown, no Domain field.
  const domainsRead = /\/v1\/domains$/;
  await page.route(domainsRead, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { items: (await response.json()).items.slice(0, 1) } });
  });
  await page.getByRole("link", { name: "Links", exact: true }).click();
  await row.waitFor();
  await expectEqual(await page.locator("tr[data-key] .domain").count(), 0, "domains shown in a one-domain workspace's list");
  await page.getByRole("button", { name: "New link", exact: true }).click();
  await page.getByRole("dialog").getByLabel("Destination URL").waitFor();
  await expectEqual(await domainChoice.count(), 0, "the Domain field of a one-domain workspace");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await page.unroute(domainsRead);
  await page.reload();
  await row.locator(".domain", { hasText: "localhost" }).waitFor();
  await page.getByRole("button", { name: "New link", exact: true }).click();
  await expectEqual(await domainChoice.inputValue(), "localhost", "the domain preselected for a new link");
  await domainChoice.selectOption("go.localhost");
  await page.getByLabel("Destination URL").fill(goDestination);
  await page.getByLabel("Slug (optional)").fill("browser-test");
  await page.getByRole("button", { name: "Create link" }).click();
  await goRow.waitFor();
  await expectEqual(await goRow.locator(".domain").textContent(), "go.localhost", "the domain shown in the list");
  await page.getByRole("button", { name: `Copy the short URL of ${goKey}` }).click();
  await expectEqual(await page.evaluate(() => navigator.clipboard.readText()), `http://go.localhost:${port}/browser-test`,
    "the short URL on go.localhost");
  await page.getByRole("button", { name: `Edit ${goKey}` }).click();
  await page.getByLabel("Tags (optional)").fill("go");
  await page.getByRole("button", { name: "Save" }).click();
  await goRow.locator(".tag", { hasText: "go" }).waitFor();
  await expectEqual(await row.locator(".tag").allTextContents(), ["e2e", "browser", "edited"],
    "the default domain's browser-test after the edit of go.localhost's");

  // Its page reads its own link and stats (browser-test on the default domain has a click, this one none yet).
  await goRow.getByRole("link", { name: "browser-test" }).click();
  await page.getByRole("heading", { name: `Analytics of ${goKey}` }).waitFor();
  await expectEqual(new URL(page.url()).hash, "#/links/browser-test?domain=go.localhost", "the route of the link's page");
  await page.getByRole("link", { name: `http://go.localhost:${port}/browser-test` }).waitFor();
  await expectEqual(await page.locator('[data-total="Human clicks"]').textContent(), "0", "the go.localhost link's clicks");

  // Domains: the default for new links moves to go.localhost (the form preselects it), then back.
  await page.getByRole("link", { name: "Domains" }).click();
  await page.getByRole("heading", { name: "Domains" }).waitFor();
  const isDefault = (host) => page.locator(`tr[data-domain="${host}"] td[data-label="Default for new links"]`, { hasText: "Yes" });
  await isDefault("localhost").waitFor();
  await quietToast(page);
  await checkAccessibility(page, "domains");
  await page.getByRole("button", { name: "Make default for new links: go.localhost" }).click();
  await isDefault("go.localhost").waitFor();
  await page.getByRole("link", { name: "Links", exact: true }).click();
  await page.getByRole("button", { name: "New link", exact: true }).click();
  await expectEqual(await domainChoice.inputValue(), "go.localhost", "the domain preselected once go.localhost is the default");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("link", { name: "Domains" }).click();
  await page.getByRole("button", { name: "Make default for new links: localhost", exact: true }).click();
  await isDefault("localhost").waitFor();

  // go.localhost's not-found page: the API's field error first, then saved (and still there after a reload).
  await page.getByRole("button", { name: "Edit pages of go.localhost" }).click();
  await page.getByLabel("Not-found page URL").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Save" }).click();
  await page.locator("#domain-notFoundUrl-error").filter({ hasText: "http" }).waitFor();
  await quietToast(page);
  await checkAccessibility(page, "the domain pages form");
  await page.getByLabel("Not-found page URL").fill(NOT_FOUND_PAGE);
  await page.getByRole("button", { name: "Save" }).click();
  await page.locator("dialog").waitFor({ state: "detached" });
  await page.reload();
  await page.locator('tr[data-domain="go.localhost"] td[data-label="Not-found page"]', { hasText: NOT_FOUND_PAGE }).waitFor();
  await quietToast(page);
  await page.screenshot({ path: `${shots}/domains.png`, fullPage: true });

  // The redirect, asked for go.localhost by Host: an unknown slug goes to the not-found page, browser-test to its own URL.
  const visit = (path) => new Promise((resolve, reject) => httpGet({ host: "127.0.0.1", port, path,
    headers: { Host: `go.localhost:${port}`, "User-Agent": DESKTOP_AGENT, "CloudFront-Viewer-Country": "DE" } }, (response) => {
    response.resume();
    resolve({ status: response.statusCode, location: response.headers.location });
  }).on("error", reject));
  // The visits are made with the link's page open: its live view shows the click without a reload.
  await page.goto(`${baseUrl}/app/#/links/browser-test?domain=go.localhost`);
  const live = page.locator('[data-total="Live: last 60 minutes"]');
  await expectEqual(await live.textContent(), "0", "the go.localhost link's live clicks before its visit");
  await page.evaluate(() => (window.sameDocument = true));
  await expectEqual(await visit("/no-such-slug"), { status: 302, location: NOT_FOUND_PAGE }, "an unknown slug on go.localhost");
  await expectEqual(await visit("/browser-test"), { status: 302, location: goDestination }, "browser-test on go.localhost");
  await until(async () => (await live.textContent()) === "1",
    async () => `the visit in the link's live view; it shows ${await page.locator(".live").textContent()}`);
  await expectEqual(await page.evaluate(() => window.sameDocument), true, "the page was not reloaded for the live view");
  await expectEqual(await page.locator(".live .chart[data-x-ticks]").first().evaluate((e) => JSON.parse(e.dataset.xTicks)
    .every((t) => t === "" || /^\d{2}:\d{2}$/.test(t))), true, "the live chart's ticks are clock minutes");
  await quietToast(page);
  await checkAccessibility(page, "link analytics with the live view");

  // That visit is counted for this link, by its key, in the list (the default domain's browser-test keeps its 1),
  // and the overview's top links find it on its domain.
  await page.getByRole("link", { name: "Links", exact: true }).click();
  await showUntil(page, "Filter", async () => (await goRow.locator(".clicks").textContent()) === "1",
    async () => `the clicks of ${goKey} in the links list: ${await goRow.locator(".clicks").textContent()}`);
  await expectEqual(await row.locator(".clicks").textContent(), "1", "browser-test's clicks");
  // That click came from Germany (CloudFront's header): its page shades Germany on the world map, loaded on that page only.
  await goRow.getByRole("link", { name: "browser-test" }).click();
  await page.getByRole("heading", { name: `Analytics of ${goKey}` }).waitFor();
  const germany = page.locator('.world-map path[data-country="DE"]');
  await germany.waitFor();
  await expectEqual(await germany.evaluate((e) => [...e.classList].find((c) => c.startsWith("shade-"))), "shade-5", "Germany's shade");
  await expectEqual(await page.locator('.world-map path[data-country="FR"]').getAttribute("class"), "country shade-0", "France's shade");
  await expectEqual(await page.getByRole("table", { name: "Countries" }).locator("tbody th").allTextContents(), ["DE"], "the countries table");
  await quietToast(page);
  await checkAccessibility(page, "link analytics with the map");
  await page.screenshot({ path: `${shots}/link-map.png`, fullPage: true });
  await page.getByRole("link", { name: "Overview" }).click();
  const topLink = page.getByRole("link", { name: goKey, exact: true });
  await until(async () => (await topLink.count()) === 1
    || (await page.reload(), await page.getByRole("heading", { name: "Top links" }).waitFor(), false), `${goKey} among the top links`);
  await expectEqual(await topLink.getAttribute("href"), "#/links/browser-test?domain=go.localhost", "the top link's page");

  // The unknown slug's visit is go.localhost's orphan visit: shown on the domain's own page, never as a link's click.
  await page.getByRole("link", { name: "Domains" }).click();
  await page.getByRole("link", { name: "Orphan visits of go.localhost" }).click();
  await page.getByRole("heading", { name: "Orphan visits of go.localhost" }).waitFor();
  const unknownSlugs = page.locator('[data-total="Unknown slug"]');
  await until(async () => (await unknownSlugs.textContent()) === "1"
    || (await page.reload(), await unknownSlugs.waitFor(), false), "go.localhost's unknown-slug visit among its orphan visits");
  await page.getByRole("cell", { name: "/no-such-slug" }).waitFor();
  await expectEqual(await page.locator('[data-total="Root of the domain"]').textContent(), "0", "visits to go.localhost's root");
  await checkAccessibility(page, "orphan visits");
  await page.screenshot({ path: `${shots}/orphan-visits.png`, fullPage: true });
}

/**
 * Shows the view again with `button` until `done()` holds (clicks reach the figures
 * asynchronously); `seen()` says what showed instead when it never does.
 */
async function showUntil(page, button, done, seen) {
  for (let attempt = 0; !(await done()); attempt++) {
    if (attempt > 240) throw new Error(`Never showed: ${await seen()}`);
    await page.getByRole("button", { name: button }).click();
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(250);
  }
}

/** axe-core's WCAG 2.1 A and AA rules on the page as it is: no serious or critical violation. */
async function checkAccessibility(page, view) {
  // Evaluated by the test tool, not added as a <script>: the dashboard's CSP (rightly) refuses inline scripts.
  await page.evaluate(readFileSync(axeScript, "utf8"));
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
  if (violations.length) throw new Error(`Accessibility of ${view}: ${violations.join("; ")}`);
}

/** Waits for the last toast to fade, so screenshots show the page. */
async function quietToast(page) {
  // Hidden, and done fading out: a half-transparent toast fails axe's contrast check.
  await page.waitForFunction(() => {
    const toast = document.getElementById("toast");
    return !toast.classList.contains("shown") && getComputedStyle(toast).opacity === "0";
  });
}

/** Equal values, or arrays of them. */
async function expectEqual(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/** A webhook receiver on loopback, as a customer would run one: it keeps every request and answers 204. */
function startReceiver() {
  const received = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ id: request.headers["webhook-id"], timestamp: request.headers["webhook-timestamp"],
        signature: request.headers["webhook-signature"], type: request.headers["x-shortstack-event"], body });
      response.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () =>
    resolve({ url: `http://127.0.0.1:${server.address().port}/hooks`, received, close: () => server.close() })));
}

/** Waits for a condition the system reaches asynchronously, failing with what it waited for after the test's timeout. */
async function until(condition, what) {
  const deadline = Date.now() + TIMEOUT;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${typeof what === "function" ? await what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
