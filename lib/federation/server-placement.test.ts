import { describe, expect, it } from "vitest";

import { placeServers } from "./server-placement";

const deployment = (name: string, spireServer: string | undefined, namespace: string, serverInCluster = true) => ({
  deploymentName: name,
  settings: { spireServer, serverNamespace: namespace, serverInCluster },
});

describe("placeServers", () => {
  it("places two trust domains in one cluster and one server across two clusters, the server's own cluster first", () => {
    const placed = placeServers(
      [
        { name: "edge", deployments: [deployment("foo", "foo", "spire", false)] },
        { name: "demo", deployments: [deployment("foo", "foo", "spire"), deployment("bar", "bar", "spire-bar")] },
      ],
      "foo",
    );
    expect(placed).toEqual({
      foo: [
        { cluster: "demo", deployment: "foo", namespace: "spire", serverInCluster: true },
        { cluster: "edge", deployment: "foo", namespace: "spire", serverInCluster: false },
      ],
      bar: [{ cluster: "demo", deployment: "bar", namespace: "spire-bar", serverInCluster: true }],
    });
  });

  it("gives a deployment that names no server to the first configured server, and nothing without servers", () => {
    const clusters = [{ name: "only", deployments: [deployment("spire", undefined, "spire")] }];
    expect(Object.keys(placeServers(clusters, "foo"))).toEqual(["foo"]);
    expect(placeServers(clusters, undefined)).toEqual({});
  });
});
