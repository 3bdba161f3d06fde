// A TLS terminator in front of the local runner, for clients whose scheme is fixed to https (node-bitly):
// a throwaway self-signed certificate made with the JDK's keytool (no OpenSSL needed), trusted by this
// process only, and every request passed on to the runner over plain HTTP as a load balancer would.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PASSWORD = "throwaway";

function selfSignedCertificate() {
  const dir = mkdtempSync(join(tmpdir(), "shortstack-tls-"));
  try {
    const keystore = join(dir, "tls.p12");
    execFileSync("keytool", ["-genkeypair", "-alias", "tls", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
      "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "1", "-storetype", "PKCS12", "-keystore", keystore,
      "-storepass", PASSWORD, "-keypass", PASSWORD], { stdio: "pipe" });
    const certificate = execFileSync("keytool", ["-exportcert", "-rfc", "-alias", "tls", "-keystore", keystore,
      "-storepass", PASSWORD], { encoding: "utf8" });
    return { pfx: readFileSync(keystore), certificate };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts the terminator for the runner at baseUrl and makes it this process's https://localhost (port 443:
 * node-bitly takes a host name only, without a port), the way DNS and a load balancer would; resolves
 * with { host, close }.
 */
export async function startTlsTerminator(baseUrl) {
  const { pfx, certificate } = selfSignedCertificate();
  const target = new URL(baseUrl);
  const server = https.createServer({ pfx, passphrase: PASSWORD }, (request, response) => {
    const upstream = http.request({ host: target.hostname, port: target.port, method: request.method, path: request.url,
      headers: { ...request.headers, "x-forwarded-proto": "https" } }, (answer) => {
      response.writeHead(answer.statusCode, answer.headers);
      answer.pipe(response);
    });
    upstream.on("error", (error) => {
      response.writeHead(502, { "content-type": "text/plain" });
      response.end(String(error));
    });
    request.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = server.address().port;
  // Trusted by this process's default agent only: the SDK's HTTPS client verifies the certificate as usual.
  const agent = https.globalAgent;
  agent.options.ca = [certificate];
  const connect = agent.createConnection.bind(agent);
  agent.createConnection = (options, callback) => options.host === "localhost" && Number(options.port ?? 443) === 443
    ? connect({ ...options, host: "127.0.0.1", port, servername: "localhost" }, callback)
    : connect(options, callback);
  return { host: "localhost", close: () => new Promise((resolve) => server.close(resolve)) };
}
