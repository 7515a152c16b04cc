import "server-only";

import type { KeyObject } from "node:crypto";

import { getStore } from "@/lib/auth/console-store";
import { loadConfig } from "@/lib/config/load-config";
import type { AuditCheckpoint, AuditRepository } from "@/lib/store/types";

import { readPrivateKey, signCheckpoint } from "./checkpoint-signature";
import { replicaId } from "./replica";
import { ulid } from "./ulid";

/** Signs the chain's current anchor and head and stores the checkpoint (the sink gets a copy too). */
export async function signChainHead(
  audit: AuditRepository,
  key: KeyObject,
  now = Date.now(),
): Promise<AuditCheckpoint> {
  const [anchor, head] = await Promise.all([audit.anchor(), audit.head()]);
  const checkpoint = signCheckpoint({ id: ulid(now), at: now, replicaId, anchor, head }, key);
  await audit.addCheckpoint(checkpoint);
  return checkpoint;
}

/** How long the shutdown checkpoint may hold the process's exit. */
const SHUTDOWN_SIGNING_MS = 4_000;

/**
 * Next.js calls process.exit as soon as it has closed the server on SIGTERM/SIGINT, which can be
 * before the shutdown checkpoint is stored (it awaits the store): an exit asked for meanwhile
 * waits until `done` settles, at most `ms`.
 */
function holdExitUntil(done: Promise<unknown>, ms: number): void {
  const exit = process.exit.bind(process);
  const deadline = new Promise((resolve) => setTimeout(resolve, ms));
  process.exit = ((code?: number | string | null) => {
    void Promise.race([done, deadline]).finally(() => exit(code));
    return undefined as never;
  }) as typeof process.exit;
}

type Signer = { timer: NodeJS.Timeout; lastHead: string };
const globalForSigner = globalThis as typeof globalThis & { __spireAuditSigner?: Signer };

/**
 * When `audit.signing.keyFile` is set: signs the chain head at start, every `intervalMinutes` while
 * it moves, and once more on SIGTERM/SIGINT. Throws (so the console refuses to start) when the key
 * cannot be read or is not Ed25519.
 */
export function startAuditSigning(): void {
  const state = loadConfig();
  const signing = state.status === "ok" ? state.config.audit.signing : undefined;
  if (!signing?.keyFile || globalForSigner.__spireAuditSigner) return;
  const key = readPrivateKey(signing.keyFile);
  const signer: Signer = { lastHead: "", timer: undefined as unknown as NodeJS.Timeout };
  const signIfMoved = async (why: string) => {
    try {
      const audit = (await getStore()).audit;
      const head = await audit.head();
      if (`${head.seq}:${head.hash}` === signer.lastHead) return;
      const checkpoint = await signChainHead(audit, key);
      signer.lastHead = `${checkpoint.head.seq}:${checkpoint.head.hash}`;
    } catch (error) {
      console.error(`[audit] could not sign the audit chain head (${why})`, error);
    }
  };
  void signIfMoved("start");
  signer.timer = setInterval(() => void signIfMoved("interval"), signing.intervalMinutes * 60_000).unref();
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    // Next.js exits on these itself; when nothing else listens, exit as the signal would have.
    const exitIfAlone = () => process.listenerCount(signal) === 0 && process.exit(signal === "SIGTERM" ? 143 : 130);
    process.once(signal, () => {
      const signed = signIfMoved(signal);
      holdExitUntil(signed, SHUTDOWN_SIGNING_MS);
      void signed.finally(exitIfAlone);
    });
  }
  globalForSigner.__spireAuditSigner = signer;
}
