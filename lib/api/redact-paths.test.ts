import { describe, expect, it } from "vitest";

import { redactPaths } from "./redact-paths";

describe("redactPaths", () => {
  it.each([
    [
      "SPIRE server 'foo' is unavailable: connect ENOENT /tmp/spc-73c0a699/foo/api.sock",
      "SPIRE server 'foo' is unavailable: connect ENOENT (path hidden)",
    ],
    ["Cannot read /etc/spire-console/svid.pem for 'bar'.", "Cannot read (path hidden) for 'bar'."],
    ["the Workload API at unix:///run/spire/agent.sock is down", "the Workload API at (path hidden) is down"],
    ["invalid config /work/main/.stack/console.json: servers.0.name", "invalid config (path hidden): servers.0.name"],
  ])("hides the path in %s", (input, expected) => {
    expect(redactPaths(input)).toBe(expected);
  });

  it.each([
    "spiffe://foo.example.com/spire/server is not an admin of bar.example.com",
    "No agent or entry has the SPIFFE ID spiffe://foo.example.com/team-a/api.",
    "No API route /api/no/such/route.",
    "https://idp.example.com/auth could not be reached",
  ])("leaves %s alone", (message) => {
    expect(redactPaths(message)).toBe(message);
  });
});
