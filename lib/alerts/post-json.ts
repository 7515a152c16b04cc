import "server-only";

import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

/** How one POST ended: the HTTP status when there was an answer, else the error. */
export type PostResult = { ok: boolean; httpStatus: number | null; error: string | null; durationMs: number };

const MAX_ERROR_BODY = 300;

/**
 * POSTs `body` to `url` with `headers`, within `deadlineMs` for connecting, sending and the whole answer. A redirect
 * is never followed (a 3xx is a failure: the sink must name the final URL). Never throws.
 */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  deadlineMs: number,
): Promise<PostResult> {
  const started = Date.now();
  const done = (ok: boolean, httpStatus: number | null, error: string | null): PostResult => ({
    ok,
    httpStatus,
    error,
    durationMs: Date.now() - started,
  });
  return new Promise((resolve) => {
    const target = new URL(url);
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send(target, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${deadlineMs} ms`)), deadlineMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      resolve(done(false, null, error.message || String(error)));
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text = (text + chunk).slice(0, MAX_ERROR_BODY)));
      res.on("error", () => undefined);
      res.on("end", () => {
        clearTimeout(timer);
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve(done(true, status, null));
        const why = status >= 300 && status < 400 ? "a redirect, which is not followed" : text.trim() || "no body";
        resolve(done(false, status, `HTTP ${status}: ${why}`));
      });
    });
    req.end(body);
  });
}
