import "server-only";

import { randomBytes } from "node:crypto";

import { ApiError } from "@/lib/api/api-error";
import { audited } from "@/lib/audit/write-audit";
import { getStore } from "@/lib/auth/console-store";
import { authorize } from "@/lib/auth/guard";
import type { SinkInput, SinkUpdate } from "@/lib/schemas/alerts";

import { alertsConfig } from "./alerts-config";
import { deliver } from "./deliver";
import { allowedDestination, testNotification } from "./sink-payloads";
import { summarizeSink } from "./summarize-sink";
import type { AlertSink, AlertSinkSummary, DeliveryAttempt } from "./types";

const target = (id: string) => ({ type: "alert-sink", id, spiffeId: null });

function checkDestination(url: string | undefined): void {
  if (url === undefined) return;
  const { destinations } = alertsConfig();
  if (allowedDestination(url, destinations)) return;
  const allowed = destinations.length ? destinations.join(", ") : "none: alerts.destinations is empty";
  const message = `The console sends only to the destinations in its config (alerts.destinations: ${allowed})`;
  throw new ApiError("invalid_argument", `Invalid sink: ${message}`, [{ path: "url", message }]);
}

async function existingSink(id: string): Promise<AlertSink> {
  const sink = await (await getStore()).alerts.sinks.get(id);
  if (!sink) throw new ApiError("not_found", `No alert sink with ID ${id}.`);
  return sink;
}

/** Every sink, secrets left out. */
export async function listAlertSinks(): Promise<AlertSinkSummary[]> {
  await authorize("alerts.read");
  return (await (await getStore()).alerts.sinks.list()).map(summarizeSink);
}

/** Creates a sink (audited without its secrets); its URL must be under one of `alerts.destinations`. */
export async function createAlertSink(input: SinkInput, now = Date.now()): Promise<AlertSinkSummary> {
  await authorize("alerts.write");
  checkDestination(input.url);
  const sink: AlertSink = {
    id: randomBytes(9).toString("base64url"),
    name: input.name,
    type: input.type,
    url: input.url,
    secret: input.secret ?? null,
    enabled: input.enabled,
    createdAt: now,
    updatedAt: now,
  };
  const repo = (await getStore()).alerts;
  const after = summarizeSink(sink);
  await audited({ action: "alert.sink.create", target: target(sink.id), after }, () => repo.sinks.put(sink, now));
  return after;
}

/** Changes a sink's name, URL, key or whether it is enabled (audited without secrets). */
export async function updateAlertSink(id: string, input: SinkUpdate, now = Date.now()): Promise<AlertSinkSummary> {
  await authorize("alerts.write");
  checkDestination(input.url);
  const before = await existingSink(id);
  if (input.secret !== undefined && before.type !== "webhook") {
    const message = "Only webhook sinks sign their bodies";
    throw new ApiError("invalid_argument", `Invalid sink: ${message}`, [{ path: "secret", message }]);
  }
  const sink: AlertSink = { ...before, ...input, updatedAt: now };
  const repo = (await getStore()).alerts;
  const change = { action: "alert.sink.update", target: target(id), before: summarizeSink(before) };
  await audited({ ...change, after: summarizeSink(sink) }, () => repo.sinks.put(sink, now));
  return summarizeSink(sink);
}

/** Deletes a sink (audited). */
export async function deleteAlertSink(id: string): Promise<{ deleted: AlertSinkSummary }> {
  await authorize("alerts.write");
  const before = summarizeSink(await existingSink(id));
  const repo = (await getStore()).alerts;
  await audited({ action: "alert.sink.delete", target: target(id), before }, () => repo.sinks.delete(id));
  return { deleted: before };
}

/**
 * Sends a test notification to a sink now (audited) and answers with the delivery's last attempt, after its
 * retries: the same path, deadline and delivery log as an alert.
 */
export async function sendTestToSink(id: string, now = Date.now()): Promise<DeliveryAttempt> {
  await authorize("alerts.write");
  const sink = await existingSink(id);
  const repo = (await getStore()).alerts;
  return audited(
    { action: "alert.sink.test", target: target(id), after: summarizeSink(sink) },
    () => deliver(repo, sink, testNotification(now, sink.id), alertsConfig()),
    (attempt) => ({ after: { status: attempt.status, attempts: attempt.attempt, httpStatus: attempt.httpStatus } }),
  );
}
