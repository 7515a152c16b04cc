// The attack of issue 22 item 5 against a real store: a console-shaped audit log (records, a
// retention prune, signed checkpoints, the sink's file copy), then tampering straight in the
// database, and `npm run audit:verify` run as an operator would.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { withAuditCopies } from "@/lib/audit/audit-copies";
import { readPrivateKey } from "@/lib/audit/checkpoint-signature";
import { pruneRecord } from "@/lib/audit/retention";
import { signChainHead } from "@/lib/audit/sign-head";
import { openAuditSink } from "@/lib/audit/sink/audit-sink";
import type { SqlDriver } from "@/lib/store/driver";
import type { ConsoleStore } from "@/lib/store/types";

import { repoRoot } from "./console-server";
import { auditRecord } from "./store-contract-records";

const DAY = 86_400_000;
const MINUTE = 60_000;

/** A store to attack: how to open it, tamper with it directly, and point audit:verify at it. */
export type TamperTarget = { store: ConsoleStore; tamper: SqlDriver; env: Record<string, string> };

/** Where the console's key and the sink's copy live (outside the database). */
export type LogOutside = { dir: string; keyFile: string; publicKeyFile: string; copyFile: string };

/** The key made with the openssl one-liners of docs/configuration.md. */
export function makeSigningKey(): LogOutside {
  const dir = mkdtempSync(path.join(tmpdir(), "spc-audit-tamper-"));
  const keyFile = path.join(dir, "audit-signing.pem");
  const publicKeyFile = path.join(dir, "audit-signing.pub.pem");
  execFileSync("openssl", ["genpkey", "-algorithm", "ed25519", "-out", keyFile]);
  execFileSync("openssl", ["pkey", "-in", keyFile, "-pubout", "-out", publicKeyFile]);
  return { dir, keyFile, publicKeyFile, copyFile: path.join(dir, "audit-copy.jsonl") };
}

const change = (n: number, at: number) => auditRecord(n, { at, outcome: "ok", error: null });

/**
 * Writes the log as the console does (sink copy included): 10 records from 40 days ago, a signed
 * checkpoint, a retention prune of 35 days (anchor moves, the prune recorded), 12 recent records and
 * the checkpoint of a shutdown. Returns the head's sequence number.
 */
export async function writeConsoleLog(target: TamperTarget, outside: LogOutside): Promise<number> {
  const sink = openAuditSink({ type: "file", path: outside.copyFile });
  const store = withAuditCopies(target.store, () => sink);
  const key = readPrivateKey(outside.keyFile);
  const now = Date.now();
  await store.audit.append(Array.from({ length: 10 }, (_, i) => change(i + 1, now - 40 * DAY + i * MINUTE)));
  await signChainHead(store.audit, key, now - 40 * DAY + 20 * MINUTE);
  const cutoff = now - 35 * DAY;
  await store.audit.pruneOlderThan(cutoff, (p) => pruneRecord(p, cutoff, 35, now - 30 * MINUTE));
  await store.audit.append(Array.from({ length: 12 }, (_, i) => change(i + 11, now - 20 * MINUTE + i * MINUTE)));
  const last = await signChainHead(store.audit, key, now);
  return last.head.seq;
}

/** Runs `npm run audit:verify -- <args>` against the store. */
export function runVerify(env: Record<string, string>, args: string[] = []): { code: number; out: string } {
  const result = spawnSync("npm", ["run", "--silent", "audit:verify", "--", ...args], {
    cwd: repoRoot,
    env: { ...process.env, SPIRE_CONSOLE_CONFIG: "/nonexistent.json", SPIRE_CONSOLE_DATABASE_URL: "", ...env },
    encoding: "utf8",
  });
  return { code: result.status ?? -1, out: `${result.stdout}${result.stderr}` };
}

/** The attack: delete the last five rows and set the chain's recorded head back to the row before them. */
export async function deleteLastFiveAndFixHead(tamper: SqlDriver, head: number): Promise<void> {
  await tamper.execute("DELETE FROM audit_log WHERE seq > $1", [head - 5]);
  const [row] = await tamper.query<{ hash: string }>("SELECT hash FROM audit_log WHERE seq = $1", [head - 5]);
  await tamper.execute("UPDATE audit_state SET head_seq = $1, head_hash = $2 WHERE id = 'chain'", [
    head - 5,
    row!.hash,
  ]);
}
