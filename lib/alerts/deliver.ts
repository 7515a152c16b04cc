import "server-only";

import { createHmac, randomUUID } from "node:crypto";

import type { AlertsConfig } from "@/lib/config/alerts-schema";
import type { AlertRepository } from "@/lib/store/types";

import { postJson } from "./post-json";
import { allowedDestination, retryDelays, sinkBody, sinkPostUrl } from "./sink-payloads";
import type { AlertSink, DeliveryAttempt, Notification } from "./types";

/** The header carrying a webhook body's signature: `sha256=` and the hex HMAC-SHA256 of the body's bytes. */
export const SIGNATURE_HEADER = "x-spire-console-signature";
/** The header naming the delivery (the same on every attempt of it: receivers can drop repeats). */
export const DELIVERY_HEADER = "x-spire-console-delivery";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** `sha256=<hex HMAC-SHA256(key, body)>`. */
export function signBody(key: string, body: string): string {
  return `sha256=${createHmac("sha256", key).update(body, "utf8").digest("hex")}`;
}

/**
 * Delivers one notification to one sink: up to `config.attempts` POSTs, waiting `backoffSeconds` and then twice as
 * long before each retry, each attempt within the deadline and written to the delivery log with its outcome. A URL
 * outside `alerts.destinations` is refused without sending. Resolves with the last attempt; never throws.
 */
export async function deliver(
  repo: AlertRepository,
  sink: AlertSink,
  notification: Notification,
  config: AlertsConfig,
): Promise<DeliveryAttempt> {
  const deliveryId = randomUUID();
  const body = JSON.stringify(sinkBody(sink.type, notification, sink.name));
  const headers: Record<string, string> = { "user-agent": "spire-console-alerts", [DELIVERY_HEADER]: deliveryId };
  if (sink.type === "webhook" && sink.secret) headers[SIGNATURE_HEADER] = signBody(sink.secret, body);
  const delays = retryDelays(config.attempts, config.backoffSeconds * 1000);
  const url = sinkPostUrl(sink.type, sink.url);
  const allowed = allowedDestination(sink.url, config.destinations);
  for (let attempt = 1; ; attempt++) {
    const result = allowed
      ? await postJson(url, body, headers, config.deadlineSeconds * 1000)
      : {
          ok: false,
          httpStatus: null,
          error: "refused: the URL is not under any of alerts.destinations",
          durationMs: 0,
        };
    const delay = result.ok || !allowed ? undefined : delays[attempt - 1];
    const record: DeliveryAttempt = {
      id: randomUUID(),
      deliveryId,
      sinkId: sink.id,
      sinkName: sink.name,
      kind: notification.kind,
      groupKey: notification.groupKey,
      alerts: notification.alerts.length,
      attempt,
      at: Date.now(),
      status: result.ok ? "ok" : delay === undefined ? "failed" : "retrying",
      httpStatus: result.httpStatus,
      error: result.error,
      durationMs: result.durationMs,
      nextAttemptAt: delay === undefined ? null : Date.now() + delay,
    };
    await repo.addAttempt(record).catch((error: unknown) => {
      console.error(`[alerts] the delivery log could not be written: ${(error as Error).message}`);
    });
    if (delay === undefined) return record;
    await sleep(delay);
  }
}
