// The local OpenID provider (oidc-provider 9) as a process:
//   node scripts/idp/server.ts --state-dir=<dir> --port=<port>
// Serves issuer http://127.0.0.1:<port> on 127.0.0.1 only, with its secrets kept in <dir>.
// Started and stopped by start.ts; the --state-dir argument is its process marker.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { parseArgs } from "node:util";

import { Provider } from "oidc-provider";

import { buildConfiguration } from "./configuration.ts";
import { withInteractions } from "./interactions.ts";
import { renderErrorPage } from "./pages.ts";
import { getIdpFiles } from "./paths.ts";
import { installLoopbackRedirectPolicy } from "./redirect-uris.ts";
import { loadOrCreateSecrets } from "./secrets.ts";

const { values } = parseArgs({ options: { "state-dir": { type: "string" }, port: { type: "string" } } });
const stateDir = values["state-dir"];
const port = Number(values.port);
if (!stateDir || !Number.isInteger(port) || port <= 0) {
  console.error("usage: node scripts/idp/server.ts --state-dir=<dir> --port=<port>");
  process.exit(2);
}

const secrets = loadOrCreateSecrets(getIdpFiles(stateDir));
const issuer = `http://127.0.0.1:${port}`;
// Sessions live in the in-memory store, so a per-process cookie key loses nothing on restart.
const provider = new Provider(issuer, buildConfiguration(secrets, randomBytes(32).toString("base64url")));
installLoopbackRedirectPolicy(provider);
provider.on("server_error", (_ctx, error) => console.error("[idp] server error:", error));

const handle = withInteractions(provider, { clientName: "SPIRE Console", passwords: secrets.passwords });
const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(`[idp] ${req.method} ${req.url} failed:`, error);
    if (res.headersSent) return res.destroy();
    res.writeHead(500, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(renderErrorPage("server_error", "The sign-in service failed; see its log."));
  });
});
server.listen(port, "127.0.0.1", () => console.log(`[idp] ${issuer} ready (state in ${stateDir})`));

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)).closeAllConnections());
}
