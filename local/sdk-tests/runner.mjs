// Starts the local runner jar on a free port for a test, and reads what a test needs from its output.

import { spawn } from "node:child_process";

const START_TIMEOUT = 60_000;

/** Resolves with { child, baseUrl, key } once the runner is ready; its output is kept for a failure report. */
export function startRunner(jar, extraArgs = []) {
  const child = spawn("java", ["-jar", jar, "--in-memory", "--port", "0", ...extraArgs], {
    env: { ...process.env, AWS_EC2_METADATA_DISABLED: "true", AWS_EMF_ENVIRONMENT: "Local" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolveReady, reject) => {
    let output = "";
    let key;
    const timer = setTimeout(() => reject(new Error(`The local runner did not start:\n${output}`)), START_TIMEOUT);
    child.stdout.on("data", (chunk) => {
      output += chunk;
      key ??= /Admin API key \(workspace 'default'\): (ssk_\S+)/.exec(output)?.[1];
      const ready = /Shortstack is ready on (http:\/\/\S+)/.exec(output);
      if (ready && key) {
        clearTimeout(timer);
        resolveReady({ child, baseUrl: ready[1], key, output: () => output });
      }
    });
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => reject(new Error(`The local runner exited (${code}):\n${output}`)));
  });
}
