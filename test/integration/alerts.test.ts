// The console's alert engine (issue 25 item 4) against the real stack, a real Alertmanager v0.35.0 and a loopback
// webhook receiver: a console of its own evaluates every 2 s. Alertmanager's API is the witness of what arrived and
// of what was resolved; the spire-server CLI is the witness of the authority that crossed a threshold.
import { createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { AlertsView } from "@/lib/alerts/load-alerts";
import type { AlertRule, AlertSilence, AlertSinkSummary, DeliveryAttempt } from "@/lib/alerts/types";

import { serverComponent } from "../../scripts/stack/components.ts";
import { getStackPaths } from "../../scripts/stack/paths.ts";
import { runningPid } from "../../scripts/stack/process.ts";
import { spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { getStackServer } from "../../scripts/stack/state.ts";
import { type RunningAlertmanager, startAlertmanager } from "../support/alertmanager";
import { stackState, waitFor } from "../support/api";
import { auditRecords } from "../support/audit";
import { type RunningConsole, startConsole } from "../support/console-server";
import { failJoinTokenAttestations } from "../support/failed-attestation";
import { closedPort, startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

let token: string;
const hmacKey = "alerts-test-signing-key-0123456789";
let am: RunningAlertmanager;
let hook: WebhookReceiver;
let refusedUrl: string;
let running: RunningConsole;

async function call<T>(method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${running.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", origin: running.url },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const view = async () => (await call<AlertsView>("GET", "/api/alerts")).body;

async function created<T>(url: string, body: unknown): Promise<T> {
  const answer = await call<T>("POST", url, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** The webhook bodies received so far, parsed. */
const hookBodies = () =>
  hook.received.map((r) => JSON.parse(r.body) as { kind: string; alerts: { labels: Record<string, string> }[] });

beforeAll(async () => {
  token = inject("consoleToken");
  [am, hook] = await Promise.all([startAlertmanager(), startWebhookReceiver()]);
  refusedUrl = `http://127.0.0.1:${await closedPort()}/hook`;
  const config = JSON.parse(readFileSync(path.join(inject("stackDir"), "console.json"), "utf8")) as Record<
    string,
    unknown
  >;
  config.alerts = {
    intervalSeconds: 2,
    destinations: [`${am.url}/`, `${hook.url}/`, refusedUrl],
    deadlineSeconds: 2,
    attempts: 3,
    backoffSeconds: 0.3,
  };
  const file = path.join(mkdtempSync(path.join(tmpdir(), "spc-alerts-")), "console.json");
  writeFileSync(file, JSON.stringify(config));
  running = await startConsole({ SPIRE_CONSOLE_CONFIG: file });
}, 120_000);

afterAll(async () => {
  await running?.stop();
  await am?.stop();
  await hook?.close();
});

describe("alerts to a real Alertmanager and a signed webhook", () => {
  let rule: AlertRule;

  it("refuses a sink outside alerts.destinations, next to the URL field", async () => {
    const answer = await call<{ error: { code: string; details: { path: string }[] } }>("POST", "/api/alerts/sinks", {
      name: "elsewhere",
      type: "webhook",
      url: "http://127.0.0.1:1/not-allowed",
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.map((d) => d.path)).toEqual(["url"]);
    expect((await view()).sinks).toEqual([]);
  });

  it("sends firing alerts to both sinks, holds back exactly the silenced one, and resolves them", async () => {
    const amSink = await created<AlertSinkSummary>("/api/alerts/sinks", {
      name: "alertmanager",
      type: "alertmanager",
      url: am.url,
    });
    const hookSink = await created<AlertSinkSummary>("/api/alerts/sinks", {
      name: "hook",
      type: "webhook",
      url: `${hook.url}/alerts`,
      secret: hmacKey,
    });
    expect(hookSink).toMatchObject({ urlHint: `${hook.url}/…`, hasSecret: true });
    expect(JSON.stringify(await view())).not.toContain(hmacKey);
    expect(JSON.stringify(await view())).not.toContain(`${hook.url}/alerts`);
    expect(amSink.urlHint).toBe(am.url);
    // The silence is set before the rule: bar's alert must never leave the console.
    const silence = await created<AlertSilence>("/api/alerts/silences", {
      matchers: { alertname: "Authority expiry", server: "bar" },
      reason: "bar's CA is rotated by hand this week",
      durationMinutes: 30,
    });
    // The stack's CA TTL is 168 h (7 days): every authority is under the 7-day threshold.
    rule = await created<AlertRule>("/api/alerts/rules", {
      name: "Authority expiry",
      kind: "authority-expiry",
      severity: "critical",
      servers: ["foo", "bar"],
      params: { thresholdsDays: [30, 7, 1] },
      repeatMinutes: 60,
    });
    // Every change is audited; the sink's record holds neither its URL's path nor its key.
    const audit = await auditRecords({ action: "alert." }, running.url);
    expect(audit.map((r) => `${r.action} ${r.outcome}`)).toEqual(
      expect.arrayContaining(["alert.rule.create ok", "alert.sink.create ok", "alert.silence.create ok"]),
    );
    expect(JSON.stringify(audit)).not.toContain(hmacKey);
    expect(JSON.stringify(audit)).not.toContain(`${hook.url}/alerts`);
    const fooAlerts = await waitFor(
      async () => {
        const listed = (await am.alerts()).filter((a) => a.labels.alertname === "Authority expiry");
        return listed.some((a) => a.labels.authority === "x509") ? listed : undefined;
      },
      30_000,
      "foo's authority alerts in Alertmanager",
    );
    const cli = await spireServerJson<{ active: { authority_id: string } }>("foo", ["localauthority", "x509", "show"]);
    expect(fooAlerts.find((a) => a.labels.authority === "x509")!.labels).toMatchObject({
      server: "foo",
      slot: "active",
      threshold: "7d",
      authority_id: cli.active.authority_id,
      severity: "critical",
    });
    expect(fooAlerts.every((a) => a.labels.server === "foo")).toBe(true);
    // The console knows bar's alerts and holds them: silenced, never sent.
    const states = (await view()).alerts.filter((a) => a.ruleId === rule.id);
    expect(states.filter((a) => a.labels.server === "bar").map((a) => a.silencedBy)).toEqual(
      expect.arrayContaining([silence.id]),
    );
    await waitFor(async () => (hookBodies().some((b) => b.kind === "firing") ? true : undefined), 15_000, "webhook");
    const firing = hook.received.find((r) => JSON.parse(r.body).kind === "firing")!;
    const expected = `sha256=${createHmac("sha256", hmacKey).update(firing.body).digest("hex")}`;
    expect(firing.headers["x-spire-console-signature"]).toBe(expected);
    expect(firing.path).toBe("/alerts");
    const sentServers = hookBodies().flatMap((b) => b.alerts.map((a) => a.labels.server));
    expect(sentServers).toContain("foo");
    expect(sentServers).not.toContain("bar");
    // Evaluations go on every 2 s: the same alert is not sent again before its repeat interval.
    await new Promise((r) => setTimeout(r, 5_000));
    expect(hookBodies().filter((b) => b.kind === "firing")).toHaveLength(1);

    const paused = await call<AlertRule>("PATCH", `/api/alerts/rules/${rule.id}`, {
      name: rule.name,
      kind: rule.kind,
      severity: rule.severity,
      servers: rule.servers,
      params: rule.params,
      repeatMinutes: rule.repeatMinutes,
      enabled: false,
    });
    expect(paused.status).toBe(200);
    await waitFor(
      async () => ((await am.alerts()).some((a) => a.labels.alertname === "Authority expiry") ? undefined : true),
      30_000,
      "Alertmanager to drop the resolved alerts",
    );
    await waitFor(async () => (hookBodies().some((b) => b.kind === "resolved") ? true : undefined), 15_000, "resolved");
    const resolved = hookBodies().find((b) => b.kind === "resolved")!;
    expect(resolved.alerts.map((a) => a.labels.server)).not.toContain("bar");
    await call("DELETE", `/api/alerts/silences/${silence.id}`);
  });

  it("alerts when bar prepares a CA whose TTL is under the threshold", async () => {
    const prepared = await created<AlertRule>("/api/alerts/rules", {
      name: "Prepared CA",
      kind: "authority-expiry",
      servers: ["bar"],
      params: { thresholdsDays: [7] },
    });
    const cli = await spireServerJson<{ prepared_authority: { authority_id: string } }>("bar", [
      "localauthority",
      "x509",
      "prepare",
    ]);
    const id = cli.prepared_authority.authority_id;
    const alert = await waitFor(
      async () => (await am.alerts()).find((a) => a.labels.alertname === "Prepared CA" && a.labels.authority_id === id),
      30_000,
      `an alert for bar's prepared authority ${id}`,
    );
    expect(alert.labels).toMatchObject({ server: "bar", slot: "prepared", threshold: "7d" });
    expect(alert.annotations.summary).toContain(`bar's prepared X.509 authority ${id} expires in`);
    await call("DELETE", `/api/alerts/rules/${prepared.id}`);
  });

  it("raises the attestation alert after five node attestations with a wrong join token", async () => {
    const state = stackState();
    const telemetry = getStackServer(state, "foo").telemetryUrl;
    expect(telemetry, "the stack's foo serves no telemetry (scripts/stack/telemetry.ts)").toBeDefined();
    const rule = await created<AlertRule>("/api/alerts/rules", {
      name: "Attestation failures",
      kind: "attestation-failures",
      servers: ["foo"],
      params: { failuresPer5m: 5 },
    });
    // The console reads foo's counter totals every evaluation (2 s): let it read them before the failures.
    await new Promise((r) => setTimeout(r, 5_000));
    const refused = await failJoinTokenAttestations(state, inject("stackDir"), "foo", 5, telemetry!);
    // SPIRE's own counter is the witness: at least five refused attestations (the agent may fit in one more).
    expect(refused).toBeGreaterThanOrEqual(5);
    const alert = await waitFor(
      async () => (await am.alerts()).find((a) => a.labels.alertname === "Attestation failures"),
      30_000,
      "the attestation alert in Alertmanager",
    );
    expect(alert.labels).toMatchObject({ server: "foo", rule_id: rule.id });
    // The console's count is SPIRE's.
    expect(alert.annotations.summary).toMatch(new RegExp(`^${refused} node attestations failed on foo in the last 5`));
    await call("DELETE", `/api/alerts/rules/${rule.id}`);
  });

  it("lets viewers see the alert settings but not change them; operators change them", async () => {
    const tokenFor = async (role: string) =>
      (await created<{ token: string }>("/api/tokens", { name: `alerts-${role}`, bindings: [{ role }] })).token;
    const as = (bearer: string, method: string, url: string, body?: unknown) =>
      fetch(`${running.url}${url}`, {
        method,
        headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const rule = { name: "by role", kind: "server-down" };
    const viewer = await tokenFor("viewer");
    const seen = await as(viewer, "GET", "/api/alerts");
    expect(seen.status).toBe(200);
    expect(((await seen.json()) as AlertsView).canWrite.allowed).toBe(false);
    const refused = await as(viewer, "POST", "/api/alerts/rules", rule);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /^You may not change alert rules, sinks and silences: the viewer role may not/,
    );
    const editor = await tokenFor("editor");
    expect((await as(editor, "POST", "/api/alerts/rules", rule)).status).toBe(403);
    const operator = await tokenFor("operator");
    const made = await as(operator, "POST", "/api/alerts/rules", rule);
    expect(made.status).toBe(201);
    const id = ((await made.json()) as AlertRule).id;
    expect((await as(operator, "DELETE", `/api/alerts/rules/${id}`)).status).toBe(200);
  });

  it("retries an unreachable webhook with back-off, and the delivery log says so", async () => {
    const sink = await created<AlertSinkSummary>("/api/alerts/sinks", {
      name: "down",
      type: "webhook",
      url: refusedUrl,
    });
    const started = Date.now();
    const test = await call<DeliveryAttempt>("POST", `/api/alerts/sinks/${sink.id}/test`);
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ status: "failed", attempt: 3, httpStatus: null });
    expect(test.body.error).toMatch(/ECONNREFUSED/);
    // Two waits: 0.3 s, then 0.6 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    // (An evaluation may send a resolved alert to this new sink meanwhile: only the test's delivery is looked at.)
    const log = (await view()).deliveries.filter((d) => d.deliveryId === test.body.deliveryId);
    expect(log.map((d) => [d.attempt, d.status])).toEqual([
      [3, "failed"],
      [2, "retrying"],
      [1, "retrying"],
    ]);
    expect(log.every((d) => d.sinkId === sink.id && d.error?.includes("ECONNREFUSED"))).toBe(true);
  });

  it("raises a federation alert in Alertmanager within 2 minutes of bar's bundle endpoint stopping, and resolves it", async () => {
    const rule = await created<AlertRule>("/api/alerts/rules", {
      name: "Federation",
      kind: "federation-stale",
      servers: ["foo"],
    });
    const listed = async () => (await am.alerts()).find((a) => a.labels.alertname === "Federation");
    // Healthy first: foo fetches bar's bundle every refresh hint (1 minute in the stack).
    await new Promise((r) => setTimeout(r, 6_000));
    expect(await listed()).toBeUndefined();
    const bar = serverComponent(getStackPaths({ ...process.env, SPIRE_CONSOLE_STACK_DIR: inject("stackDir") }), "bar");
    const pid = runningPid(bar.spec);
    expect(pid, "bar's SPIRE server is not running").not.toBeNull();
    // Freezing bar stops its bundle endpoint: foo's fetches of bar's bundle fail from now on.
    const stoppedAt = Date.now();
    process.kill(pid!, "SIGSTOP");
    try {
      const alert = await waitFor(listed, 120_000, "a federation alert for bar.example.com in Alertmanager");
      expect(Date.now() - stoppedAt).toBeLessThan(120_000);
      expect(alert.labels).toMatchObject({ server: "foo", trust_domain: "bar.example.com" });
      expect(alert.annotations.summary).toMatch(
        /^foo's federation with bar\.example\.com: the partner no longer serves us/,
      );
    } finally {
      process.kill(pid!, "SIGCONT");
    }
    await waitFor(async () => ((await listed()) ? undefined : true), 150_000, "the federation alert to resolve");
    await call("DELETE", `/api/alerts/rules/${rule.id}`);
  }, 330_000);
});
