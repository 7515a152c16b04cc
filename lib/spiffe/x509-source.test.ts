import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { afterAll, afterEach, describe, expect, it } from "vitest";

import { makeCa, makeSvid, type TestCa, type TestSvid } from "../../test/support/spiffe-pki";
import { splitDerCertificates } from "./der";
import { X509Source } from "./x509-source";

/** A fake SPIRE agent: serves FetchX509SVID on a Unix socket and pushes what the test says. */
class FakeAgent {
  private server: grpc.Server | null = null;
  private streams = new Set<grpc.ServerWritableStream<unknown, unknown>>();
  headersSeen: (string | undefined)[] = [];
  response: object | null = null;

  constructor(readonly socketPath: string) {}

  async start(): Promise<void> {
    const definition = protoLoader.loadSync("spiffe/workload/workload.proto", {
      includeDirs: [path.resolve("proto")],
      keepCase: false,
      defaults: true,
    });
    const service = (grpc.loadPackageDefinition(definition).SpiffeWorkloadAPI as grpc.ServiceClientConstructor).service;
    this.server = new grpc.Server();
    this.server.addService(service, {
      FetchX509SVID: (call: grpc.ServerWritableStream<unknown, unknown>) => {
        const header = call.metadata.get("workload.spiffe.io")[0]?.toString();
        this.headersSeen.push(header);
        if (header !== "true")
          return call.emit("error", { code: grpc.status.INVALID_ARGUMENT, details: "security header missing" });
        if (!this.response)
          return call.emit("error", { code: grpc.status.PERMISSION_DENIED, details: "no identity issued" });
        this.streams.add(call);
        call.on("cancelled", () => this.streams.delete(call));
        call.write(this.response);
      },
    });
    await new Promise<void>((resolve, reject) =>
      this.server!.bindAsync(`unix://${this.socketPath}`, grpc.ServerCredentials.createInsecure(), (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  }

  push(response: object): void {
    this.response = response;
    for (const stream of this.streams) stream.write(response);
  }

  stop(): void {
    this.server?.forceShutdown();
    this.server = null;
    this.streams.clear();
    rmSync(this.socketPath, { force: true });
  }
}

function svidResponse(svid: TestSvid, ca: TestCa, federated: TestCa[] = []): object {
  return {
    svids: [{ spiffeId: svid.spiffeId, x509Svid: svid.der, x509SvidKey: svid.keyDer, bundle: ca.der, hint: "console" }],
    federatedBundles: Object.fromEntries(federated.map((f) => [`spiffe://${f.trustDomain}`, f.der])),
  };
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const dir = mkdtempSync(path.join(tmpdir(), "spc-wl-"));
const foo = makeCa("foo.example.com");
const bar = makeCa("bar.example.com");
const sources: X509Source[] = [];
const agents: FakeAgent[] = [];

function newSource(socketPath: string): X509Source {
  const source = new X509Source(`unix://${socketPath}`).start();
  sources.push(source);
  return source;
}

afterEach(() => {
  for (const s of sources.splice(0)) s.close();
  for (const a of agents.splice(0)) a.stop();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("splitDerCertificates", () => {
  it("splits concatenated DER certificates and rejects garbage", () => {
    expect(splitDerCertificates(Buffer.concat([foo.der, bar.der]))).toEqual([foo.der, bar.der]);
    expect(() => splitDerCertificates(Buffer.from([0x30, 0x82, 0x05]))).toThrow(/truncated/);
    expect(() => splitDerCertificates(Buffer.from("hello"))).toThrow(/not a DER SEQUENCE/);
  });
});

describe("X509Source against a fake agent", () => {
  it("streams the SVID and own + federated bundles with the workload.spiffe.io header", async () => {
    const agent = new FakeAgent(path.join(dir, "a.sock"));
    agents.push(agent);
    const svid = makeSvid(foo, "spiffe://foo.example.com/console");
    agent.response = svidResponse(svid, foo, [bar]);
    await agent.start();
    const source = newSource(agent.socketPath);
    await source.settled(5_000);
    expect(agent.headersSeen).toEqual(["true"]);
    const status = source.status("spiffe://foo.example.com/console");
    expect(status).toMatchObject({
      state: "ready",
      spiffeId: "spiffe://foo.example.com/console",
      expired: false,
      error: null,
      updates: 1,
    });
    expect(status.trustDomains).toEqual(["bar.example.com", "foo.example.com"]);
    expect(Date.parse(status.expiresAt!)).toBeGreaterThan(Date.now());
    expect(source.current()?.bundles.get("bar.example.com")).toEqual([bar.der]);
  });

  it("takes a rotated SVID as a new generation, and keeps the last one while the agent is down", async () => {
    const socketPath = path.join(dir, "b.sock");
    const agent = new FakeAgent(socketPath);
    agents.push(agent);
    agent.response = svidResponse(makeSvid(foo, "spiffe://foo.example.com/console"), foo, [bar]);
    await agent.start();
    const source = newSource(socketPath);
    await source.settled(5_000);
    const first = source.generation;
    const rotated = makeSvid(foo, "spiffe://foo.example.com/console", 2);
    agent.push(svidResponse(rotated, foo, [bar]));
    await until(() => source.generation === first + 1);
    expect(source.current()?.svids[0]?.chain[0]).toEqual(rotated.der);

    agent.stop();
    await until(() => /b\.sock does not exist/.test(source.status().error ?? ""));
    const down = source.status();
    expect(down.state).toBe("down");
    expect(down.spiffeId).toBe("spiffe://foo.example.com/console");
    expect(source.current()?.svids[0]?.chain[0]).toEqual(rotated.der);

    const back = new FakeAgent(socketPath);
    agents.push(back);
    back.response = svidResponse(makeSvid(foo, "spiffe://foo.example.com/console"), foo, [bar]);
    await back.start();
    await until(() => source.status().state === "ready", 15_000);
    expect(source.generation).toBe(first + 2);
    expect(source.status().error).toBeNull();
  });

  it("reports a missing socket and an agent that issues no identity", async () => {
    const missing = newSource(path.join(dir, "nothing-here.sock"));
    await missing.settled(5_000);
    expect(missing.status()).toMatchObject({ state: "down", spiffeId: null });
    expect(missing.status().error).toMatch(/nothing-here\.sock does not exist: is the SPIRE agent running\?/);

    const agent = new FakeAgent(path.join(dir, "c.sock"));
    agents.push(agent);
    await agent.start();
    const denied = newSource(agent.socketPath);
    await denied.settled(5_000);
    expect(denied.status().error).toMatch(/issued no identity to the console/);
  });
});

describe("the console's TLS material from a fake agent", () => {
  it("refuses an expired SVID (503) and a server trust domain without a bundle (503)", async () => {
    const { currentTlsMaterial } = await import("../spire/credentials");
    const { consoleConfigSchema } = await import("../config/schema");
    const agent = new FakeAgent(path.join(dir, "d.sock"));
    agents.push(agent);
    agent.response = svidResponse(makeSvid(foo, "spiffe://foo.example.com/console", -1), foo, [bar]);
    await agent.start();
    const source = newSource(agent.socketPath);
    await source.settled(5_000);
    const [server, baz] = consoleConfigSchema.parse({
      workloadApi: { socket: `unix://${agent.socketPath}` },
      servers: [
        { name: "bar", address: "127.0.0.1:1", trustDomain: "bar.example.com", tls: { source: "workloadApi" } },
        { name: "baz", address: "127.0.0.1:2", trustDomain: "baz.example.com", tls: { source: "workloadApi" } },
      ],
    }).servers;
    // getX509Source shares sources by socket: make it this one.
    (globalThis as { __x509Sources?: Map<string, X509Source> }).__x509Sources?.set(
      `unix://${agent.socketPath}`,
      source,
    );
    expect(() => currentTlsMaterial(server!)).toThrow(
      /The console's X509-SVID spiffe:\/\/foo\.example\.com\/console expired at .*has not sent a new one/,
    );
    expect(source.status().expired).toBe(true);

    agent.push(svidResponse(makeSvid(foo, "spiffe://foo.example.com/console"), foo, [bar]));
    await until(() => source.status().expired === false);
    expect(currentTlsMaterial(server!).clientId).toBe("spiffe://foo.example.com/console");
    expect(() => currentTlsMaterial(baz!)).toThrow(
      /holds no X\.509 bundle for baz\.example\.com \(it has: foo\.example\.com, bar\.example\.com\)/,
    );
  });
});
