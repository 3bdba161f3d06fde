// The dashboard's bundle budget, checked by every build: what a first visit downloads (index.html and the files it
// names), and the same with the world map (a link's page shows it), gzipped, must each stay within 80 kB.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const BUDGET = 80_000;
const dist = resolve(dirname(fileURLToPath(import.meta.url)), "../dist");
const gzipped = (file) => gzipSync(readFileSync(resolve(dist, file)), { level: 9 }).length;
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

const html = readFileSync(resolve(dist, "index.html"), "utf8");
const named = [...html.matchAll(/(?:src|href)="\/app\/([^"]+)"/g)].map(([, file]) => file);
const firstVisit = ["index.html", ...named].reduce((sum, file) => sum + gzipped(file), 0);
const map = readdirSync(resolve(dist, "assets")).filter((file) => /^map-.*\.js$/.test(file));
if (named.length === 0 || map.length !== 1) {
  console.error(`bundle size: expected the entry files in index.html and one map chunk, found ${named.length} and ${map.length}`);
  process.exit(1);
}
const withMap = firstVisit + gzipped(`assets/${map[0]}`);
console.log(`bundle size (gzip -9): first visit ${kB(firstVisit)} (${["index.html", ...named].join(", ")}); `
  + `with the world map ${kB(withMap)} (+ ${map[0]}); budget ${kB(BUDGET)} each`);
if (firstVisit > BUDGET || withMap > BUDGET) {
  console.error("bundle size: over the budget");
  process.exit(1);
}
