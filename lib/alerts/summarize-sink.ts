import { urlHint } from "./sink-payloads";
import type { AlertSink, AlertSinkSummary } from "./types";

/** A sink without its secrets: the URL as its origin only, the HMAC key as whether there is one. */
export function summarizeSink(sink: AlertSink): AlertSinkSummary {
  const { url, secret, ...rest } = sink;
  return { ...rest, urlHint: urlHint(url), hasSecret: secret !== null };
}
