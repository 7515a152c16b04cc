import { describe, expect, it } from "vitest";

import { consoleConfigSchema } from "./schema";

describe("consoleConfigSchema", () => {
  it("accepts unix and mTLS servers and defaults the timeout", () => {
    const config = consoleConfigSchema.parse({
      servers: [
        { name: "foo", address: "unix:///tmp/foo/api.sock", trustDomain: "foo.example.com" },
        {
          name: "bar",
          address: "127.0.0.1:8081",
          trustDomain: "bar.example.com",
          tls: { certFile: "c.pem", keyFile: "k.pem", bundleFile: "b.pem" },
        },
      ],
    });
    expect(config.servers.map((s) => s.timeoutMs)).toEqual([5000, 5000]);
  });

  it.each([
    [{ servers: [] }, "servers"],
    [{ servers: [{ name: "Foo", address: "unix:///a" }] }, "servers.0.name"],
    [{ servers: [{ name: "foo", address: "/tmp/api.sock" }] }, "servers.0.address"],
    [{ servers: [{ name: "foo", address: "10.0.0.1:8081" }] }, "servers.0.tls"],
    [{ servers: [{ name: "foo", address: "unix:///a", trustDomain: "Foo.COM" }] }, "servers.0.trustDomain"],
    [{ servers: [{ name: "foo", address: "unix:///a", extra: 1 }] }, "servers.0"],
    [
      {
        servers: [
          { name: "foo", address: "unix:///a" },
          { name: "foo", address: "unix:///b" },
        ],
      },
      "servers.1.name",
    ],
  ])("names the bad field of %j", (input, field) => {
    const result = consoleConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain(field);
  });
});

describe("tls: files or the Workload API", () => {
  const tcp = { name: "bar", address: "127.0.0.1:8081", trustDomain: "bar.example.com" };

  it("folds the top-level workloadApi socket and ID into each Workload API server", () => {
    const config = consoleConfigSchema.parse({
      workloadApi: { socket: "unix:///run/spire/agent.sock", spiffeId: "spiffe://foo.example.com/console" },
      servers: [
        { name: "foo", address: "unix:///tmp/foo.sock" },
        { ...tcp, tls: { source: "workloadApi" } },
        { ...tcp, name: "baz", tls: { source: "workloadApi", socket: "unix:///other.sock" } },
      ],
    });
    expect(config.servers.map((s) => s.tls)).toEqual([
      undefined,
      {
        source: "workloadApi",
        socket: "unix:///run/spire/agent.sock",
        spiffeId: "spiffe://foo.example.com/console",
        bundleFile: undefined,
      },
      {
        source: "workloadApi",
        socket: "unix:///other.sock",
        spiffeId: "spiffe://foo.example.com/console",
        bundleFile: undefined,
      },
    ]);
  });

  it("defaults to files", () => {
    const config = consoleConfigSchema.parse({
      servers: [{ ...tcp, tls: { certFile: "c", keyFile: "k", bundleFile: "b" } }],
    });
    expect(config.servers[0]?.tls).toEqual({ source: "files", certFile: "c", keyFile: "k", bundleFile: "b" });
  });

  it.each([
    [
      { ...tcp, tls: { certFile: "c", keyFile: "k" } },
      "servers.0.tls.bundleFile",
      'bundleFile is required (or use source: "workloadApi")',
    ],
    [
      { ...tcp, tls: { source: "workloadApi", certFile: "c" } },
      "servers.0.tls.certFile",
      'certFile applies only to source: "files"',
    ],
    [
      { ...tcp, tls: { certFile: "c", keyFile: "k", bundleFile: "b", socket: "unix:///a" } },
      "servers.0.tls.socket",
      'socket applies only to source: "workloadApi"',
    ],
    [
      { ...tcp, tls: { source: "workloadApi", socket: "/run/agent.sock" } },
      "servers.0.tls.socket",
      "socket must be unix:///path/to/agent.sock",
    ],
    [{ ...tcp, tls: { source: "sds" } }, "servers.0.tls.source", 'source must be "files" or "workloadApi"'],
    [
      { ...tcp, trustDomain: undefined, tls: { certFile: "c", keyFile: "k", bundleFile: "b" } },
      "servers.0.trustDomain",
      "trustDomain is required for a host:port server",
    ],
    [
      { ...tcp, trustDomain: undefined, tls: { source: "workloadApi" } },
      "servers.0.trustDomain",
      "trustDomain is required for a host:port server",
    ],
    [
      { name: "foo", address: "unix:///a", tls: { source: "workloadApi" } },
      "servers.0.tls",
      "tls applies only to host:port addresses",
    ],
  ])("explains a bad tls block: %j", (server, field, message) => {
    const result = consoleConfigSchema.safeParse({ servers: [server] });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join(".") === field);
    expect(issue?.message, JSON.stringify(result.error?.issues)).toContain(message);
  });
});
