// Builds the dashboard's world map from world-atlas (Natural Earth's 1:110m countries): each country projected once,
// here, with d3-geo's Equal Earth projection, to an SVG path in whole pixels of a 960×470 picture, keyed by its ISO
// alpha-2 code (the stats API's country). The browser then loads only these paths: no projection code, no topology.
// Run by `npm run build`; writes src/generated/world-map.json (not kept in git).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { geoEqualEarth, geoPath } from "d3-geo";
import { feature } from "topojson-client";

const require = createRequire(import.meta.url);
const readJson = (module) => JSON.parse(readFileSync(require.resolve(module), "utf8"));
const WIDTH = 960;
const HEIGHT = 470;

const world = readJson("world-atlas/countries-110m.json");
// ISO 3166 as i18n-iso-countries keeps it: [alpha-2, alpha-3, numeric, ...]; world-atlas names countries by numeric code.
const alpha2 = new Map(readJson("i18n-iso-countries/codes.json").map(([two, , numeric]) => [numeric, two]));
const countries = feature(world, world.objects.countries);
const path = geoPath(geoEqualEarth().fitSize([WIDTH, HEIGHT], countries)).digits(0);

/** d3's "M949,297L950,296...Z" as "M949 297l1-1 1 1...z": relative, repeated points dropped. */
function compact(d) {
  let out = "";
  for (const ring of d.match(/M[^M]*/g) ?? []) {
    const points = [...ring.matchAll(/(-?\d+),(-?\d+)/g)].map(([, x, y]) => [Number(x), Number(y)])
      .filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]);
    if (points.length < 3) continue;
    let moves = "";
    for (let i = 1; i < points.length; i++) {
      const dx = points[i][0] - points[i - 1][0];
      const dy = points[i][1] - points[i - 1][1];
      // A minus sign separates numbers by itself.
      moves += (i > 1 && dx >= 0 ? " " : "") + dx + (dy >= 0 ? " " : "") + dy;
    }
    out += `M${points[0][0]} ${points[0][1]}l${moves}z`;
  }
  return out;
}

const map = {
  width: WIDTH,
  height: HEIGHT,
  // Territories without an ISO code (Kosovo, Northern Cyprus, Somaliland) are drawn, named, and never shaded.
  countries: countries.features.map((country) => ({
    code: alpha2.get(String(country.id ?? "")) ?? null,
    name: country.properties.name,
    d: compact(path(country) ?? ""),
  })).filter((country) => country.d),
};
const out = resolve(dirname(fileURLToPath(import.meta.url)), "../src/generated/world-map.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(map));
console.log(`world map: ${map.countries.length} countries, ${readFileSync(out).length} bytes -> ${out}`);
