import { describe, expect, it } from "vitest";

import { consoleConfigSchema } from "./schema";

const server = { name: "foo", address: "unix:///tmp/foo/api.sock" };

function issuePaths(input: unknown): string[] {
  const result = consoleConfigSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
}

describe("prometheus and servers[].telemetry", () => {
  it("accepts a Prometheus with a bearer token file and mTLS, defaulting the label and deadline", () => {
    const config = consoleConfigSchema.parse({
      servers: [{ ...server, telemetry: "http://127.0.0.1:9988/metrics" }],
      prometheus: {
        url: "https://prometheus.example.com",
        bearerTokenFile: "/run/secrets/prom-token",
        tls: { caFile: "ca.pem", certFile: "c.pem", keyFile: "k.pem" },
        grafanaUrl: "https://grafana.example.com",
      },
    });
    expect(config.servers[0]!.telemetry).toBe("http://127.0.0.1:9988/metrics");
    expect(config.prometheus).toMatchObject({ serverLabel: "spire_server", timeoutMs: 5000 });
  });

  it.each([
    [{ servers: [{ ...server, telemetry: "ftp://x/metrics" }] }, "servers.0.telemetry"],
    [{ servers: [server], prometheus: { url: "not a url" } }, "prometheus.url"],
    [{ servers: [server], prometheus: { url: "http://p:9090", tls: { certFile: "c.pem" } } }, "prometheus.tls.keyFile"],
    [{ servers: [server], prometheus: { url: "http://p:9090", serverLabel: "bad-label" } }, "prometheus.serverLabel"],
    [{ servers: [server], prometheus: { url: "http://p:9090", timeoutMs: 10 } }, "prometheus.timeoutMs"],
    [{ servers: [server], prometheus: { url: "http://p:9090", extra: true } }, "prometheus"],
  ])("refuses %j at %s", (input, path) => {
    expect(issuePaths(input)).toContain(path);
  });
});
