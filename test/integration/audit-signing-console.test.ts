// The running console keeps its audit evidence outside its database (issue 22 item 5): with a
// syslog sink and a signing key in its config it sends every record, as RFC 5424 over TCP, to a
// real collector this test listens with, signs the chain head at start and again when it is
// stopped (SIGTERM), and audit:verify passes the log against the key and the collector's copy.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { checkCheckpointSignature, readPublicKey } from "@/lib/audit/checkpoint-signature";
import { parseCopyLine } from "@/lib/audit/sink/audit-line";
import { openStore } from "@/lib/store/open-store";

import { type LogOutside, makeSigningKey, runVerify } from "../support/audit-tamper";
import { type RunningConsole, startConsole } from "../support/console-server";
import { octetCountedFrames } from "../support/syslog-frames";

const token = randomBytes(24).toString("base64url");
const dataDir = mkdtempSync(path.join(tmpdir(), "spc-audit-signing-"));
let outside: LogOutside;
let collector: Server;
let received = Buffer.alloc(0);
let running: RunningConsole;

/** The collector's messages. */
const messages = () => octetCountedFrames(received);

const until = async (what: string, done: () => boolean) => {
  for (let i = 0; i < 300 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!done()) throw new Error(`timed out waiting for ${what}; the collector got:\n${messages().join("\n")}`);
};

beforeAll(async () => {
  outside = makeSigningKey();
  collector = createServer((socket) => socket.on("data", (d: Buffer) => (received = Buffer.concat([received, d]))));
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  const port = (collector.address() as { port: number }).port;
  const config = JSON.parse(readFileSync(path.join(inject("stackDir"), "console.json"), "utf8")) as Record<
    string,
    unknown
  >;
  config.audit = {
    retentionDays: 30,
    sink: { type: "syslog", address: `tcp://127.0.0.1:${port}`, appName: "console-under-test" },
    signing: { keyFile: outside.keyFile, intervalMinutes: 1 },
  };
  const file = path.join(outside.dir, "console.json");
  writeFileSync(file, JSON.stringify(config));
  running = await startConsole({
    SPIRE_CONSOLE_CONFIG: file,
    SPIRE_CONSOLE_DATA_DIR: dataDir,
    SPIRE_CONSOLE_BOOTSTRAP_TOKEN: token,
  });
});

afterAll(async () => {
  await running?.stop();
  await new Promise<void>((r) => collector.close(() => r()));
});

describe("a console with an audit sink and a signing key", () => {
  it("sends each record to syslog, signs at start and on SIGTERM, and the log verifies", async () => {
    await until("the start checkpoint", () => messages().some((m) => m.includes(" audit-checkpoint - ")));
    const created = await Promise.all(
      ["signing-a", "signing-b"].map((name) =>
        fetch(`${running.url}/api/tokens`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ name, bindings: [{ role: "viewer" }] }),
        }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual([201, 201]);
    const lines = () => messages().map((m) => parseCopyLine(m));
    await until("the token records", () => lines().filter((l) => l?.type === "audit.record").length >= 2);
    expect(messages()[0]).toMatch(/^<110>1 \S+ \S+ console-under-test \d+ audit(-checkpoint)? - \{"type":"audit\./);

    await running.stop(); // SIGTERM: the console signs the head it leaves
    const store = await openStore({ dataDir });
    try {
      const head = await store.audit.head();
      const records = await store.audit.walk(0, 100);
      expect(records.length).toBe(head.seq);
      expect(records.map((r) => r.action)).toEqual(expect.arrayContaining(["token.create"]));
      const copied = lines().filter((l) => l?.type === "audit.record");
      expect(copied.map((l) => [l!.seq, (l as { hash: string }).hash])).toEqual(records.map((r) => [r.seq, r.hash]));

      const checkpoints = await store.audit.checkpoints();
      const publicKey = readPublicKey(outside.publicKeyFile);
      expect(checkpoints.length).toBeGreaterThanOrEqual(2);
      expect(checkpoints.every((c) => checkCheckpointSignature(c, publicKey))).toBe(true);
      expect(checkpoints[0]!.head.seq).toBeLessThan(head.seq);
      expect(checkpoints.at(-1)!.head).toEqual(head); // signed at shutdown
    } finally {
      await store.close();
    }
    await until(
      "the shutdown checkpoint in the copy",
      () => lines().filter((l) => l?.type === "audit.checkpoint").length >= 2,
    );
    const copyFile = path.join(outside.dir, "collector.log");
    writeFileSync(copyFile, `${messages().join("\n")}\n`);
    const verified = runVerify({ SPIRE_CONSOLE_DATA_DIR: dataDir }, [
      "--public-key",
      outside.publicKeyFile,
      "--copy",
      copyFile,
    ]);
    expect(verified.out).toMatch(/audit log OK: \d+ records/);
    expect(verified.out).toMatch(/signed checkpoint\(s\) verified/);
    expect(verified.code).toBe(0);
  });
});
