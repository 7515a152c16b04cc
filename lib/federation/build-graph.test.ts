import { describe, expect, it } from "vitest";

import type { Bundle, FederationRelationship } from "@/lib/spire/types";

import { buildFederationGraph, countFederatesWith } from "./build-graph";

const bundle = (td: string, notAfter = "2030-01-01T00:00:00.000Z"): Bundle => ({
  trustDomain: td,
  x509Authorities: [
    { subject: "CN=ca", notBefore: null, notAfter, tainted: false, fingerprint: "ab", subjectKeyId: "" },
  ],
  witAuthorities: [],
  jwtAuthorities: [],
  refreshHint: 300,
  sequenceNumber: "3",
});
const rel = (td: string, b: Bundle | null): FederationRelationship => ({
  trustDomain: td,
  bundleEndpointUrl: `https://${td}:8443`,
  profile: { type: "https_spiffe", endpointSpiffeId: `spiffe://${td}/spire/server` },
  bundle: b,
});

describe("buildFederationGraph", () => {
  const graph = buildFederationGraph([
    {
      server: "foo",
      trustDomain: "foo.org",
      error: null,
      relationships: [rel("bar.org", bundle("bar.org")), rel("baz.org", null)],
      bundles: [bundle("bar.org"), bundle("old.org")],
      federatesWithCounts: { "bar.org": 4, "qux.org": 2 },
    },
    {
      server: "bar",
      trustDomain: "bar.org",
      error: null,
      relationships: [rel("foo.org", bundle("foo.org"))],
      bundles: [bundle("foo.org")],
      federatesWithCounts: {},
    },
  ]);

  it("has trust domains as nodes and who-fetches-whom as directed edges", () => {
    expect(graph.nodes.map((n) => [n.trustDomain, n.server])).toEqual([
      ["bar.org", "bar"],
      ["baz.org", null],
      ["foo.org", "foo"],
    ]);
    expect(graph.edges.map((e) => `${e.from}->${e.to}`)).toEqual([
      "foo.org->bar.org",
      "foo.org->baz.org",
      "bar.org->foo.org",
    ]);
    const fooBar = graph.edges[0]!;
    expect(fooBar).toMatchObject({
      bundlePresent: true,
      sequenceNumber: "3",
      refreshHint: 300,
      entryCount: 4,
      profile: "https_spiffe",
    });
  });

  it("flags relationships without bundle, bundles without relationship and federatesWith without bundle", () => {
    expect(graph.flags.map((f) => [f.kind, f.server, f.trustDomain])).toEqual([
      ["relationship-without-bundle", "foo", "baz.org"],
      ["bundle-without-relationship", "foo", "old.org"],
      ["federates-with-missing-bundle", "foo", "qux.org"],
    ]);
  });

  it("counts entries per federated trust domain", () => {
    expect(
      countFederatesWith([{ federatesWith: ["a", "b"] }, { federatesWith: ["a"] }, { federatesWith: [] }]),
    ).toEqual({ a: 2, b: 1 });
  });
});
