import { createSocket } from "node:dgram";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it, vi } from "vitest";

import type { AuditCheckpoint, AuditRecord } from "@/lib/store/types";
import { octetCountedFrames } from "@/test/support/syslog-frames";

import { parseCopyLine } from "./audit-line";
import { openAuditSink } from "./audit-sink";

const record = (seq: number): AuditRecord => ({
  seq,
  id: `01SINKTEST${String(seq).padStart(16, "0")}`,
  at: Date.UTC(2026, 11, 6, 12, 0, seq),
  phase: "event",
  intentId: null,
  batchId: null,
  requestId: "req-1",
  replicaId: "r1",
  actor: null,
  clientAddress: "127.0.0.1",
  server: "foo",
  trustDomain: "foo.example.com",
  action: "auth.denied",
  target: { type: "entry", id: null, spiffeId: "spiffe://foo.example.com/ünïcode" },
  before: null,
  after: { n: seq },
  outcome: "denied",
  error: null,
  prevHash: "a".repeat(64),
  hash: `${seq}`.padStart(64, "f"),
});
const checkpoint: AuditCheckpoint = {
  id: "01SINKCHECKPOINT0000000000",
  at: Date.UTC(2026, 11, 6, 12, 5),
  replicaId: "r1",
  anchor: { seq: 0, hash: "0".repeat(64) },
  head: { seq: 2, hash: "2".padStart(64, "f") },
  keyId: "0123456789abcdef",
  signature: "c2ln",
};

/** RFC 5424: <PRI>VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD MSG */
const rfc5424 = /^<110>1 (\d{4}-\d\d-\d\dT[\d:.]+Z) (\S+) (\S+) (\d+) (audit|audit-checkpoint) - (\{.*\})$/s;

/** Polls until `done` or the deadline; the sink retries a refused connection after 2 s, so waits allow more. */
const until = async (done: () => boolean, withinMs = 2_000) => {
  const deadline = Date.now() + withinMs;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
};

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of cleanup) await c();
  cleanup = [];
});

async function streamListener(listenOn: number | string): Promise<{ server: Server; data: () => Buffer }> {
  const chunks: Buffer[] = [];
  const server = createServer((socket) => socket.on("data", (d: Buffer) => chunks.push(d)));
  await new Promise<void>((resolve) =>
    typeof listenOn === "string" ? server.listen(listenOn, resolve) : server.listen(listenOn, "127.0.0.1", resolve),
  );
  cleanup.push(() => new Promise<void>((r) => server.close(() => r())));
  return { server, data: () => Buffer.concat(chunks) };
}

describe("the audit sink", () => {
  it("sends each record and checkpoint as one RFC 5424 datagram to a UDP collector", async () => {
    const received: string[] = [];
    const udp = createSocket("udp4").on("message", (m) => received.push(m.toString("utf8")));
    await new Promise<void>((r) => udp.bind(0, "127.0.0.1", r));
    cleanup.push(() => new Promise<void>((r) => udp.close(() => r())));
    const sink = openAuditSink({
      type: "syslog",
      address: `udp://127.0.0.1:${udp.address().port}`,
      appName: "spire-console",
    });
    sink.records([record(1), record(2)]);
    sink.checkpoint(checkpoint);
    await until(() => received.length === 3);
    await sink.close();
    const parsed = received.map((m) => m.match(rfc5424));
    expect(parsed.map((m) => m?.[5])).toEqual(["audit", "audit", "audit-checkpoint"]);
    expect(parsed[0]![3]).toBe("spire-console");
    expect(Number(parsed[0]![4])).toBe(process.pid);
    expect(received.map((m) => parseCopyLine(m))).toMatchObject([
      { type: "audit.record", seq: 1, hash: record(1).hash },
      { type: "audit.record", seq: 2, hash: record(2).hash },
      { type: "audit.checkpoint", head: checkpoint.head, signature: "c2ln" },
    ]);
    expect(JSON.parse(parsed[1]![6]!)).toEqual({ type: "audit.record", ...record(2) });
  });

  it("frames messages by octet count over TCP (multi-byte characters counted in bytes)", async () => {
    const listener = await streamListener(0);
    const port = (listener.server.address() as { port: number }).port;
    const sink = openAuditSink({ type: "syslog", address: `tcp://127.0.0.1:${port}`, appName: "audit-test" });
    sink.records([record(1), record(2), record(3)]);
    await until(() => octetCountedFrames(listener.data()).length === 3);
    await sink.close();
    const messages = octetCountedFrames(listener.data());
    expect(messages.map((m) => rfc5424.exec(m)?.[3])).toEqual(["audit-test", "audit-test", "audit-test"]);
    expect(messages.map((m) => parseCopyLine(m))).toMatchObject([{ seq: 1 }, { seq: 2 }, { seq: 3 }]);
  });

  it("writes to a unix stream socket, and queues lines until a late collector listens", async () => {
    const socketPath = path.join(mkdtempSync(path.join(tmpdir(), "spc-syslog-")), "syslog.sock");
    const sink = openAuditSink({ type: "syslog", address: `unix://${socketPath}`, appName: "spire-console" });
    sink.records([record(1)]); // nobody listens yet: kept, retried
    await new Promise((r) => setTimeout(r, 200)); // the refusal has closed the socket and set the retry time
    // A timer may fire a little early by the wall clock; the retry must still happen (it once stalled for good).
    const wallClock = Date.now.bind(Date);
    vi.spyOn(Date, "now").mockImplementation(() => wallClock() - 50);
    const listener = await streamListener(socketPath);
    sink.records([record(2)]);
    await until(() => octetCountedFrames(listener.data()).length === 2, 10_000);
    await sink.close();
    expect(octetCountedFrames(listener.data()).map((m) => parseCopyLine(m))).toMatchObject([{ seq: 1 }, { seq: 2 }]);
  }, 15_000);

  it("appends one JSON line per record to a file", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "spc-sink-")), "audit.jsonl");
    const sink = openAuditSink({ type: "file", path: file });
    sink.records([record(1)]);
    sink.checkpoint(checkpoint);
    sink.records([record(2)]);
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    expect(lines.map((l) => JSON.parse(l) as { type: string })).toEqual([
      { type: "audit.record", ...record(1) },
      { type: "audit.checkpoint", ...checkpoint },
      { type: "audit.record", ...record(2) },
    ]);
  });
});
