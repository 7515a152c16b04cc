// What the audit log adds to every change: one intent appended before the SPIRE call and one
// result after it (two transactions on the chain), timed on both store back-ends.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { openStore } from "../../lib/store/open-store.ts";
import type { ConsoleStore, NewAuditRecord } from "../../lib/store/types.ts";
import { ensureDatabase } from "../pg/databases.ts";
import { startPostgres } from "../pg/server.ts";

export type Overhead = { median: number; p99: number; samples: number };

function record(n: number, phase: "intent" | "result"): NewAuditRecord {
  return {
    id: `01BENCH${phase === "intent" ? "I" : "R"}${String(n).padStart(18, "0")}`,
    at: Date.now(),
    phase,
    intentId: phase === "result" ? `01BENCHI${String(n).padStart(18, "0")}` : null,
    batchId: null,
    requestId: `bench-${n}`,
    replicaId: "bench",
    actor: {
      kind: "user",
      method: "oidc",
      issuer: "bench",
      subject: "bench",
      name: "bench",
      groups: [],
      tokenId: null,
    },
    clientAddress: "127.0.0.1",
    server: "bench",
    trustDomain: "bench.example.com",
    action: "entry.update",
    target: { type: "entry", id: `entry-${n}`, spiffeId: `spiffe://bench.example.com/w/${n}` },
    before: { x509SvidTtl: 3600, selectors: [{ type: "unix", value: "uid:1" }], dnsNames: ["a.example.com"] },
    after: { x509SvidTtl: 900, selectors: [{ type: "unix", value: "uid:1" }], dnsNames: ["a.example.com"] },
    outcome: phase === "intent" ? "pending" : "ok",
    error: null,
  };
}

async function time(store: ConsoleStore, mutations: number): Promise<Overhead> {
  const samples: number[] = [];
  for (let n = 0; n < mutations; n++) {
    const started = performance.now();
    await store.audit.append([record(n, "intent")]);
    await store.audit.append([record(n, "result")]);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return {
    median: samples[Math.floor(samples.length / 2)]!,
    p99: samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.99))]!,
    samples: samples.length,
  };
}

/** Times `mutations` audited changes on a fresh SQLite store and on a real PostgreSQL (in `cacheDir`). */
export async function measureAuditOverhead(
  cacheDir: string,
  mutations = 500,
): Promise<{ sqlite: Overhead; postgres: Overhead }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "spc-bench-audit-"));
  const sqliteStore = await openStore({ dataDir });
  const sqlite = await time(sqliteStore, mutations).finally(() => sqliteStore.close());
  rmSync(dataDir, { recursive: true, force: true });
  const pg = await startPostgres({ dir: path.join(cacheDir, "postgres-bench") });
  try {
    const database = `bench_audit_${Date.now().toString(36)}`;
    await ensureDatabase(pg.urlFor("postgres"), database);
    const pgStore = await openStore({ databaseUrl: pg.urlFor(database), dataDir });
    const postgres = await time(pgStore, mutations).finally(() => pgStore.close());
    return { sqlite, postgres };
  } finally {
    await pg.stop();
  }
}
