import { describe, expect, it } from "vitest";

import { links, queryFromParams } from "./links";

describe("links", () => {
  it("carries the server as ?server= and encodes IDs in paths", () => {
    expect(links.entry("foo", "0f8f-1")).toBe("/entries/0f8f-1?server=foo");
    expect(links.editEntry("foo", "a/b")).toBe("/entries/a%2Fb/edit?server=foo");
    expect(links.agent("foo", "spiffe://foo.example.com/spire/agent/x509pop/ab")).toBe(
      "/agents/spiffe%3A%2F%2Ffoo.example.com%2Fspire%2Fagent%2Fx509pop%2Fab?server=foo",
    );
    expect(links.importEntries("foo")).toBe("/entries/import?server=foo");
  });

  it("leaves the server out when none is chosen (the page then shows the first server)", () => {
    expect(links.overview()).toBe("/");
    expect(links.entries()).toBe("/entries");
    expect(links.agents()).toBe("/agents");
    expect(links.kubernetes()).toBe("/kubernetes");
    expect(links.kubernetes("bar")).toBe("/kubernetes?server=bar");
    expect(links.troubleshoot({ server: undefined })).toBe("/troubleshoot");
  });

  it("puts the server first, then the query in order, repeating list values", () => {
    expect(links.entries("foo", { view: "table", federatesWith: "bar.example.com" })).toBe(
      "/entries?server=foo&view=table&federatesWith=bar.example.com",
    );
    expect(links.entries("foo", { selector: ["k8s:ns:a", "k8s:sa:b"], match: "superset", hint: undefined })).toBe(
      "/entries?server=foo&selector=k8s%3Ans%3Aa&selector=k8s%3Asa%3Ab&match=superset",
    );
    expect(links.expiry("foo", "ttl")).toBe("/expiry?server=foo#ttl");
  });

  it("pre-fills a new entry from a parent, a SPIFFE ID and selectors", () => {
    expect(
      links.newEntry("foo", {
        parentId: "spiffe://foo.example.com/node/fleet",
        selectors: [{ type: "unix", value: "uid:1" }],
      }),
    ).toBe("/entries/new?server=foo&parentId=spiffe%3A%2F%2Ffoo.example.com%2Fnode%2Ffleet&selector=unix%3Auid%3A1");
    expect(links.newEntry("foo")).toBe("/entries/new?server=foo");
  });

  it("opens a pod's diagnosis, with the container only when one is named", () => {
    expect(links.troubleshootPod("foo", "web", "api-1")).toBe("/troubleshoot?server=foo&namespace=web&name=api-1");
    expect(links.troubleshootPod("foo", "web", "api-1", "sidecar")).toBe(
      "/troubleshoot?server=foo&namespace=web&name=api-1&container=sidecar",
    );
  });

  it("names the controller-manager view's cluster only when one is chosen (else the first)", () => {
    expect(links.controllerManager()).toBe("/controller-manager");
    expect(links.controllerManager("edge")).toBe("/controller-manager?cluster=edge");
    expect(links.clusterSpiffeId("shop-mesh")).toBe("/controller-manager/shop-mesh");
    expect(links.clusterSpiffeId("storefront-cart", "edge")).toBe("/controller-manager/storefront-cart?cluster=edge");
  });

  it("reads a URL query back with repeated keys grouped", () => {
    const query = queryFromParams(new URLSearchParams("server=foo&selector=a:1&view=table&selector=b:2"));
    expect(query).toEqual({ server: ["foo"], selector: ["a:1", "b:2"], view: ["table"] });
    const { server: _server, ...rest } = query;
    expect(links.entries("bar", rest)).toBe("/entries?server=bar&selector=a%3A1&selector=b%3A2&view=table");
  });
});
