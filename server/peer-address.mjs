// Preloaded into the console's Node process (node --import ./server/peer-address.mjs): gives
// every HTTP request the address of the socket it arrived on, which Next.js does not expose
// (it keeps a client-sent X-Forwarded-For as is). The header carries a per-process key, so a
// value sent by a client — or any value when this hook is not loaded — is never believed.
import { randomBytes } from "node:crypto";
import http from "node:http";

const key = (process.env.__SPIRE_CONSOLE_PEER_KEY ||= randomBytes(16).toString("hex"));
const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function emitWithPeer(event, request, ...rest) {
  if (event === "request" && request?.headers) {
    request.headers["x-spire-console-peer"] = `${key} ${request.socket?.remoteAddress ?? ""}`;
  }
  return emit.call(this, event, request, ...rest);
};
