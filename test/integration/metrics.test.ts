// /metrics on the shared console: known actions move the expected counters, and the expiry
// gauges equal what the spire-server CLI reports, to the second.
import { X509Certificate } from "node:crypto";

import { describe, expect, inject, it } from "vitest";

import { type CliAgent, type CliEntry, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { consoleFetch, refreshEntryIndex, stackState } from "../support/api";
import { createToken, signInOverHttp } from "../support/auth";
import { sample, type Samples, scrape } from "../support/prometheus";

const metricsUrl = () => `${inject("consoleUrl")}/metrics`;
const m = (name: string) => `spire_console_${name}`;
const cli = <T>(server: string, args: string[]) => spireServerJson<T>(server, args, stackState());

type CliSlot = { expires_at: string } | undefined;
type CliBundle = { trust_domain: string; x509_authorities: { asn1: string }[] };

describe("GET /metrics", () => {
  it("answers without credentials and from any Host, in the Prometheus text format", async () => {
    const response = await fetch(metricsUrl(), { headers: { host: "10.0.0.7:3000" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain(`# TYPE ${m("audit_write_failures_total")} counter`);
    expect(text).toContain(`# TYPE ${m("http_request_duration_seconds")} histogram`);
    expect(text).not.toMatch(/Bearer|spiffe:\/\/|password|postgres:\/\//);
  });

  it("counts requests by route, SPIRE and Kubernetes calls, denials and sign-ins after known actions", async () => {
    const viewer = await createToken(`metrics-viewer-${Date.now()}`, [{ role: "viewer" }]);
    const before = await scrape(metricsUrl());
    for (let i = 0; i < 3; i++) {
      expect((await consoleFetch("/api/servers/foo/entries?pageSize=5")).status).toBe(200);
    }
    const refused = await consoleFetch("/api/servers/foo/entries", {
      method: "POST",
      headers: { authorization: `Bearer ${viewer}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(refused.status).toBe(403);
    expect((await consoleFetch("/api/kubernetes/nodes")).status).toBe(200);
    await signInOverHttp("viewer");
    const stale = await fetch(`${inject("consoleUrl")}/auth/callback?code=x&state=y`, { redirect: "manual" });
    expect(stale.status).toBe(303);
    const after = await scrape(metricsUrl());

    const delta = (name: string, labels: Record<string, string>) =>
      sample(after, m(name), labels) - sample(before, m(name), labels);
    const route = "/api/servers/[server]/entries";
    expect(delta("http_requests_total", { route, method: "GET", status: "200" })).toBe(3);
    expect(delta("http_requests_total", { route, method: "POST", status: "403" })).toBe(1);
    expect(delta("http_request_duration_seconds_count", { route, method: "GET", status: "200" })).toBe(3);
    expect(delta("authorization_denials_total", { action: "entries.write" })).toBe(1);
    expect(
      delta("spire_calls_total", { server: "foo", method: "entry/listEntries", code: "OK" }),
    ).toBeGreaterThanOrEqual(3);
    expect(delta("kubernetes_calls_total", { operation: "list nodes", code: "ok" })).toBeGreaterThanOrEqual(1);
    expect(delta("sign_ins_total", { outcome: "success" })).toBe(1);
    expect(delta("sign_ins_total", { outcome: "failure" })).toBe(1);
    expect(delta("audit_write_failures_total", {})).toBe(0);
    // Values in the path never become labels: only the route pattern does.
    expect([...after.keys()].some((k) => k.includes('route="/api/servers/foo'))).toBe(false);
  });

  it("sizes the entry index of each server like `spire-server entry show` and `agent list`", async () => {
    // Other test files change entries meanwhile (some through the CLI, which the index sees on its
    // next walk): each round walks the index again and compares it with a CLI read taken after it.
    for (const server of ["foo", "bar"]) {
      await expect
        .poll(
          async () => {
            expect((await refreshEntryIndex(server)).status).toBe(200);
            const now = await scrape(metricsUrl());
            const entries = (await cli<{ entries: CliEntry[] | null }>(server, ["entry", "show"])).entries ?? [];
            const agents = (await cli<{ agents: CliAgent[] | null }>(server, ["agent", "list"])).agents ?? [];
            return {
              index: [
                sample(now, m("entry_index_entries"), { server }),
                sample(now, m("entry_index_agents"), { server }),
              ],
              cli: [entries.length, agents.length],
            };
          },
          { timeout: 60_000, interval: 1_000 },
        )
        .toSatisfy(({ index, cli }) => index[0] === cli[0] && index[1] === cli[1]);
      const walks = await scrape(metricsUrl());
      expect(sample(walks, m("entry_index_walk_duration_seconds_count"), { server })).toBeGreaterThan(0);
    }
  });
});

/** The CLI's view of what expires on a server, in Unix seconds. */
async function cliExpiry(server: string) {
  const x509 = await cli<{ active?: CliSlot }>(server, ["localauthority", "x509", "show"]);
  const jwt = await cli<{ active?: CliSlot }>(server, ["localauthority", "jwt", "show"]);
  const agents = (await cli<{ agents: CliAgent[] | null }>(server, ["agent", "list"])).agents ?? [];
  const entries = (await cli<{ entries: CliEntry[] | null }>(server, ["entry", "show"])).entries ?? [];
  const bundles = (await cli<{ bundles: CliBundle[] | null }>(server, ["bundle", "list"])).bundles ?? [];
  const notAfter = (asn1: string) => Date.parse(new X509Certificate(Buffer.from(asn1, "base64")).validTo) / 1000;
  return {
    x509: Number(x509.active!.expires_at),
    jwt: Number(jwt.active!.expires_at),
    agents: agents.map((a) => Number(a.x509svid_expires_at)),
    entries: entries.map((e) => Number(e.expires_at)).filter((s) => s > 0),
    federated: Object.fromEntries(
      bundles.map((b) => [b.trust_domain, Math.min(...b.x509_authorities.map((ca) => notAfter(ca.asn1)))]),
    ),
  };
}

function windows(expiries: number[], now: number) {
  const left = expiries.map((s) => s - now);
  return {
    expired: left.filter((s) => s <= 0).length,
    "24h": left.filter((s) => s > 0 && s <= 86_400).length,
    "7d": left.filter((s) => s > 0 && s <= 7 * 86_400).length,
  };
}

function gauges(samples: Samples, server: string) {
  const g = (name: string, labels: Record<string, string> = {}) =>
    samples.get(`${m(name)}${labelText({ server, ...labels })}`);
  const count = (kind: string, within: string) => g("expiring_items", { kind, within });
  return {
    at: g("expiry_collected_timestamp_seconds")!,
    up: g("expiry_collection_success"),
    x509: g("x509_authority_expiry_seconds"),
    jwt: g("jwt_authority_expiry_seconds"),
    agent: g("agent_svid_earliest_expiry_seconds"),
    federated: (td: string) => g("federated_bundle_expiry_seconds", { trust_domain: td }),
    entries: { expired: count("entry", "expired"), "24h": count("entry", "24h"), "7d": count("entry", "7d") },
    agents: { expired: count("agent", "expired"), "24h": count("agent", "24h"), "7d": count("agent", "7d") },
  };
}

function labelText(labels: Record<string, string>): string {
  const parts = Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v}"`);
  return `{${parts.join(",")}}`;
}

/**
 * Scrapes between two CLI readings until both readings agree and the scrape matches them (an
 * agent may renew its SVID, or a test may change entries, between two reads; the console's entry
 * index is up to 5 s old). Returns the last comparison, for the assertion to show.
 */
async function compareUntilEqual(server: string) {
  let last: { actual: unknown; expected: unknown } | undefined;
  for (let attempt = 0; attempt < 15; attempt++) {
    const first = await cliExpiry(server);
    const scraped = gauges(await scrape(metricsUrl()), server);
    const second = await cliExpiry(server);
    if (JSON.stringify(first) !== JSON.stringify(second)) continue;
    const tds = Object.keys(first.federated);
    last = {
      actual: {
        up: scraped.up,
        x509: scraped.x509! + scraped.at,
        jwt: scraped.jwt! + scraped.at,
        agent: scraped.agent! + scraped.at,
        federated: Object.fromEntries(tds.map((td) => [td, scraped.federated(td)! + scraped.at])),
        entries: scraped.entries,
        agents: scraped.agents,
      },
      expected: {
        up: 1,
        x509: first.x509,
        jwt: first.jwt,
        agent: Math.min(...first.agents),
        federated: first.federated,
        entries: windows(first.entries, scraped.at),
        agents: windows(first.agents, scraped.at),
      },
    };
    if (JSON.stringify(last.actual) === JSON.stringify(last.expected)) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  if (!last) throw new Error(`the CLI's view of ${server} kept changing`);
  return last;
}

describe("the expiry gauges", () => {
  it.each(["foo", "bar"])(
    "equal what the spire-server CLI reports for %s, to the second",
    async (server) => {
      const { actual, expected } = await compareUntilEqual(server);
      expect(actual).toEqual(expected);
      const federated = (expected as { federated: Record<string, number> }).federated;
      expect(Object.keys(federated).length).toBeGreaterThan(0);
    },
    60_000,
  );

  it("count foo's entry that expires within a day", async () => {
    const samples = await scrape(metricsUrl());
    expect(sample(samples, m("expiring_items"), { server: "foo", kind: "entry", within: "24h" })).toBeGreaterThan(0);
  });
});
