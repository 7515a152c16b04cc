// HTTP requests from a chosen loopback source address (127.0.0.2, ...), as a peer other than the
// trusted proxy (which connects from 127.0.0.1) would send them: every 127/8 address is this host.
import { request } from "node:http";

export type PeerResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** Sends one request to `url` from `localAddress`, with exactly the given headers (no redirects followed). */
export function requestFrom(
  localAddress: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<PeerResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? "GET", headers: init.headers, localAddress }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`no answer from ${url} within 30 s`)));
    req.on("error", reject);
    req.end(init.body);
  });
}
