import { describe, expect, it } from "vitest";

import { consoleConfigSchema } from "./schema";

describe("consoleConfigSchema", () => {
  it("accepts unix and mTLS servers and defaults the timeout", () => {
    const config = consoleConfigSchema.parse({
      servers: [
        { name: "foo", address: "unix:///tmp/foo/api.sock", trustDomain: "foo.example.com" },
        { name: "bar", address: "127.0.0.1:8081", tls: { certFile: "c.pem", keyFile: "k.pem", bundleFile: "b.pem" } },
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
    [{ servers: [{ name: "foo", address: "unix:///a" }, { name: "foo", address: "unix:///b" }] }, "servers.1.name"],
  ])("names the bad field of %j", (input, field) => {
    const result = consoleConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain(field);
  });
});
