// The official SDKs of the APIs Shortstack speaks, each against a local Shortstack started from the
// runner jar: every call is a real HTTP request, every answer is checked against Shortstack's own /v1.
//
//   node sdk-tests.mjs [path/to/shortstack-local.jar]

import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startRunner } from "./runner.mjs";
import { Shortstack } from "./shortstack.mjs";
import * as bitly from "./bitly.suite.mjs";
import * as dub from "./dub.suite.mjs";
import * as shlink from "./shlink.suite.mjs";

const SUITES = [shlink, bitly, dub];
const here = dirname(fileURLToPath(import.meta.url));
const jar = resolve(process.argv[2] ?? resolve(here, "../runner/target/shortstack-local.jar"));

const runner = await startRunner(jar);
let failed = false;
try {
  for (const suite of SUITES) {
    const counts = new Map();
    try {
      await suite.run(new Shortstack(runner.baseUrl, runner.key), counts);
      const calls = [...counts.values()].reduce((a, b) => a + b, 0);
      console.log(`PASS ${suite.name}: ${calls} SDK calls (${[...counts].map(([m, n]) => `${m} ${n}`).join(", ")})`);
    } catch (error) {
      failed = true;
      console.error(`FAIL ${suite.name}:`, error);
    }
  }
} finally {
  runner.child.kill("SIGTERM");
}
if (failed) {
  process.exitCode = 1;
}
