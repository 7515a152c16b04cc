import { describe, expect, it } from "vitest";

import { entryCreateCommand, shellQuote } from "./cli-command";

describe("entryCreateCommand", () => {
  it("writes every set field as the CLI flag, quoting where the shell needs it", () => {
    const cmd = entryCreateCommand({
      spiffeId: "spiffe://foo.example.com/web",
      parentId: "spiffe://foo.example.com/spire/agent/x",
      selectors: [{ type: "k8s", value: "pod-label:app:web shop" }],
      x509SvidTtl: 3600,
      federatesWith: ["bar.example.com"],
      dnsNames: ["web"],
      admin: true,
      hint: "it's",
      expiresAt: "2030-01-01T00:00:00Z",
      additionalAttributes: { disableX509SvidPrefetch: true, jwtSvidIncludeJti: true },
    });
    expect(cmd.split(" \\\n  ")).toEqual([
      "spire-server entry create",
      "-spiffeID spiffe://foo.example.com/web",
      "-parentID spiffe://foo.example.com/spire/agent/x",
      "-selector 'k8s:pod-label:app:web shop'",
      "-x509SVIDTTL 3600",
      "-federatesWith spiffe://bar.example.com",
      "-dns web",
      "-admin",
      `-hint 'it'\\''s'`,
      "-entryExpiry 1893456000",
      "-disableX509SVIDPrefetch",
      "-jwtSVIDIncludeJTI",
    ]);
  });

  it("uses -node when the parent is the server", () => {
    const cmd = entryCreateCommand({
      spiffeId: "spiffe://td/n",
      parentId: "spiffe://td/spire/server",
      selectors: [{ type: "x", value: "y" }],
    });
    expect(cmd).toContain("-node");
    expect(cmd).not.toContain("-parentID");
    expect(shellQuote("a b")).toBe("'a b'");
  });
});
