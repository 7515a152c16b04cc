import path from "node:path";

import type { Root, Service, Type } from "protobufjs";
import protobuf from "protobufjs";
import { beforeAll, describe, expect, it } from "vitest";

import { compareProtoRoots } from "./compare-protos";
import {
  CONSOLE_SERVICES,
  loadGoEmbeddedDescriptor,
  loadProtoTree,
  locateGoModule,
  mergeRoots,
  OUR_PROTO_DIR,
} from "./load-protos";

// Our protos must stay wire-compatible with this SDK (the SPIRE 1.15 API).
const SPIRE_API_SDK = "github.com/spiffe/spire-api-sdk@v1.15.2";
// grpc-go ships health.proto only as generated code; its health.pb.go embeds the
// compiled descriptor of grpc-proto's grpc/health/v1/health.proto, which is the
// upstream we compare grpc.health.v1 against (no hardcoded expectations).
const GRPC_GO = "google.golang.org/grpc@v1.83.0";
// The SPIFFE Workload API (no proto package: its names are top-level) as go-spiffe ships it.
const GO_SPIFFE = "github.com/spiffe/go-spiffe/v2@v2.8.1";

let upstreamTree: Root | Error;

beforeAll(() => {
  try {
    const sdkDir = locateGoModule(SPIRE_API_SDK);
    const grpcDir = locateGoModule(GRPC_GO);
    upstreamTree = loadProtoTree(path.join(sdkDir, "proto"));
    mergeRoots(upstreamTree, loadGoEmbeddedDescriptor(path.join(grpcDir, "health/grpc_health_v1/health.pb.go")));
    mergeRoots(upstreamTree, loadProtoTree(path.join(locateGoModule(GO_SPIFFE), "proto")));
  } catch (error) {
    // Kept so every test fails with this reason (a throwing beforeAll would mark them skipped).
    upstreamTree = error instanceof Error ? error : new Error(String(error));
  }
}, 300_000);

/** The upstream tree; throws (failing the test) when Go is missing or the download failed. */
function upstream(): Root {
  if (upstreamTree instanceof Error) throw upstreamTree;
  return upstreamTree;
}

describe("our .proto files", () => {
  it("match upstream spire-api-sdk, grpc health and go-spiffe's Workload API in everything they define", () => {
    const problems = compareProtoRoots(loadProtoTree(OUR_PROTO_DIR), upstream());
    expect(problems, `our protos differ from upstream:\n  ${problems.join("\n  ")}\n`).toEqual([]);
  });

  it("define every service the console calls", () => {
    const ours = loadProtoTree(OUR_PROTO_DIR);
    const missing = CONSOLE_SERVICES.filter((name) => !(ours.lookup(name) instanceof protobuf.Service));
    expect(missing).toEqual([]);
  });
});

describe("compareProtoRoots", () => {
  const cases: { change: string; mutate: (ours: Root) => void; expected: string[] }[] = [
    {
      change: "a field number",
      mutate: (ours) => {
        ours.lookupType("spire.api.types.Entry").fields.spiffe_id!.id = 99;
      },
      expected: ["spire.api.types.Entry.spiffe_id: number 99 upstream 2"],
    },
    {
      change: "a field's scalar type",
      mutate: (ours) => replaceField(ours.lookupType("spire.api.types.Entry"), "x509_svid_ttl", "int64"),
      expected: ["spire.api.types.Entry.x509_svid_ttl: type int64 upstream int32"],
    },
    {
      change: "a field's message type",
      mutate: (ours) => replaceField(ours.lookupType("spire.api.server.agent.v1.GetAgentRequest"), "id", "spire.api.types.AgentMask"),
      expected: ["spire.api.server.agent.v1.GetAgentRequest.id: type spire.api.types.AgentMask upstream spire.api.types.SPIFFEID"],
    },
    {
      change: "repeated-ness",
      mutate: (ours) => replaceField(ours.lookupType("spire.api.types.Entry"), "dns_names", "string", "optional"),
      expected: ["spire.api.types.Entry.dns_names: label singular upstream repeated"],
    },
    {
      change: "a method name",
      mutate: (ours) => renameMethod(ours.lookupService("spire.api.server.entry.v1.Entry"), "ListEntries", "ListEntry"),
      expected: [
        "spire.api.server.entry.v1.Entry.ListEntry: method not defined upstream",
        "spire.api.server.entry.v1.Entry.ListEntries: upstream method missing here",
      ],
    },
    {
      change: "a method's streaming flag",
      mutate: (ours) => {
        ours.lookupService("grpc.health.v1.Health").methods.Watch!.responseStream = false;
      },
      expected: ["grpc.health.v1.Health.Watch: response grpc.health.v1.HealthCheckResponse upstream stream grpc.health.v1.HealthCheckResponse"],
    },
    {
      change: "a Workload API field number",
      mutate: (ours) => {
        ours.lookupType("X509SVID").fields.x509_svid_key!.id = 9;
      },
      expected: ["X509SVID.x509_svid_key: number 9 upstream 3"],
    },
    {
      change: "an enum value number",
      mutate: (ours) => {
        const behavior = ours.lookupEnum("spire.api.types.SelectorMatch.MatchBehavior");
        behavior.remove("MATCH_ANY");
        behavior.add("MATCH_ANY", 7);
      },
      expected: ["spire.api.types.SelectorMatch.MatchBehavior.MATCH_ANY: number 7 upstream 3"],
    },
  ];

  it.each(cases)("reports exactly the mismatch when we change $change", ({ mutate, expected }) => {
    const ours = loadProtoTree(OUR_PROTO_DIR);
    mutate(ours);
    ours.resolveAll();
    expect(compareProtoRoots(ours, upstream())).toEqual(expected);
  });

  it("reports a message that upstream does not have", () => {
    const ours = loadProtoTree(OUR_PROTO_DIR);
    (ours.lookup("spire.api.types") as protobuf.Namespace).add(new protobuf.Type("ConsoleOnly"));
    expect(compareProtoRoots(ours, upstream())).toEqual(["spire.api.types.ConsoleOnly: message not defined upstream"]);
  });
});

function replaceField(type: Type, name: string, newType: string, rule?: string): void {
  const field = type.fields[name]!;
  type.remove(field);
  // Fields added after resolveAll() are not picked up by it; resolve this one directly.
  const replacement = new protobuf.Field(name, field.id, newType, rule);
  type.add(replacement);
  replacement.resolve();
}

function renameMethod(service: Service, from: string, to: string): void {
  const method = service.methods[from]!;
  service.remove(method);
  const renamed = new protobuf.Method(to, "rpc", method.requestType, method.responseType, method.requestStream, method.responseStream);
  service.add(renamed);
  renamed.resolve();
}
