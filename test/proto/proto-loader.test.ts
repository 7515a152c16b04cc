import { readdirSync } from "node:fs";

import type { GrpcObject, ServiceClientConstructor } from "@grpc/grpc-js";
import { loadPackageDefinition } from "@grpc/grpc-js";
import { loadSync } from "@grpc/proto-loader";
import { describe, expect, it } from "vitest";

import { CONSOLE_SERVICES, loadProtoTree,OUR_PROTO_DIR } from "./load-protos";

// The options lib/spire's client loads our protos with.
const CLIENT_OPTIONS = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [OUR_PROTO_DIR],
};

const files = readdirSync(OUR_PROTO_DIR, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".proto"));
const definition = loadSync(files, CLIENT_OPTIONS);
const grpcObject = loadPackageDefinition(definition);

function clientFor(service: string): ServiceClientConstructor {
  let node: unknown = grpcObject;
  for (const part of service.split(".")) node = (node as GrpcObject)[part];
  if (typeof node !== "function") throw new Error(`${service} is not a client constructor`);
  return node as ServiceClientConstructor;
}

describe("protos loaded the way the gRPC client loads them", () => {
  it.each(CONSOLE_SERVICES)("give %s a client with every method on its gRPC path", (service) => {
    const declared = loadProtoTree(OUR_PROTO_DIR).lookupService(service).methodsArray.map((m) => m.name);
    const methods = clientFor(service).service;
    expect(Object.keys(methods)).toEqual(declared);
    for (const name of declared) expect(methods[name]?.path).toBe(`/${service}/${name}`);
  });

  it("round-trip a filtered ListEntries request with camelCase names and wrapper types", () => {
    const { ListEntries } = clientFor("spire.api.server.entry.v1.Entry").service;
    const request = {
      filter: {
        bySpiffeId: { trustDomain: "example.org", path: "/web" },
        bySelectors: { selectors: [{ type: "k8s", value: "ns:prod" }], match: "MATCH_ANY" },
        byHint: { value: "internal" },
      },
      pageSize: 50,
    };
    const decoded = ListEntries!.requestDeserialize(ListEntries!.requestSerialize(request)) as Record<string, unknown>;
    expect(decoded).toMatchObject(request);
  });

  it("decode entries with int64 as strings, unset messages as null and an unset optional as absent", () => {
    const { GetEntry } = clientFor("spire.api.server.entry.v1.Entry").service;
    const wire = GetEntry!.responseSerialize({ id: "e1", createdAt: "1767225600", x509SvidTtl: 3600 });
    const entry = GetEntry!.responseDeserialize(wire) as Record<string, unknown>;
    expect(entry).toMatchObject({ id: "e1", createdAt: "1767225600", expiresAt: "0", x509SvidTtl: 3600, spiffeId: null });
    expect(entry).not.toHaveProperty("additionalAttributes");
  });

  it("name the set member of a oneof", () => {
    const { GetFederationRelationship } = clientFor("spire.api.server.trustdomain.v1.TrustDomain").service;
    const wire = GetFederationRelationship!.responseSerialize({
      trustDomain: "partner.org",
      httpsSpiffe: { endpointSpiffeId: "spiffe://partner.org/spire/server" },
    });
    const relationship = GetFederationRelationship!.responseDeserialize(wire) as Record<string, unknown>;
    expect(relationship.bundleEndpointProfile).toBe("httpsSpiffe");
  });
});
