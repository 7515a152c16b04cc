// Preloaded into the console's Node process (node --import ./server/request-hook.mjs), in front
// of Next.js:
// - gives every HTTP request the address of the socket it arrived on, which Next.js does not
//   expose (it keeps a client-sent X-Forwarded-For as is). The header carries a per-process key,
//   so a value sent by a client — or any value when this hook is not loaded — is never believed;
// - answers a path that is not valid percent-encoding with a 400 in the API's error shape (Next.js
//   would answer such a path with a bare 500);
// - times every response for the console's metrics (lib/metrics/http-observer.ts installs the
//   observer at start-up; until then, and in any other process, nothing is recorded).
import { randomBytes } from "node:crypto";
import http from "node:http";

const key = (process.env.__SPIRE_CONSOLE_PEER_KEY ||= randomBytes(16).toString("hex"));
const emit = http.Server.prototype.emit;

function validPath(url) {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]);
    return true;
  } catch {
    return false;
  }
}

http.Server.prototype.emit = function emitThroughHook(event, request, response, ...rest) {
  if (event === "request" && request?.headers) {
    const started = process.hrtime.bigint();
    response.once("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      globalThis.__spireConsoleObserveHttp?.(request.method, request.url, response.statusCode, seconds);
    });
    request.headers["x-spire-console-peer"] = `${key} ${request.socket?.remoteAddress ?? ""}`;
    if (!validPath(request.url)) {
      const message = "The request path is not valid percent-encoding.";
      response.writeHead(400, {
        "content-type": "application/json",
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
      response.end(JSON.stringify({ error: { code: "invalid_argument", message } }));
      return true;
    }
  }
  return emit.call(this, event, request, response, ...rest);
};
