import "server-only";

import { existsSync } from "node:fs";

import type * as grpc from "@grpc/grpc-js";
import { status as GrpcStatus } from "@grpc/grpc-js";

import { socketPathOf } from "./socket";
import { createWorkloadApiClient, fetchX509Svid } from "./workload-api-client";
import { type PbX509SvidResponse, pickSvid, toX509Context, type X509Context } from "./x509-context";

/** `connecting` until the first answer, `ready` while the stream is open, `down` while retrying. */
export type WorkloadApiState = "connecting" | "ready" | "down";

/** What the console reports about its Workload API source (GET /api/servers → `workloadApi`). */
export type WorkloadApiStatus = {
  socket: string;
  state: WorkloadApiState;
  /** The SVID the console presents: the configured ID, else the agent's first. */
  spiffeId: string | null;
  expiresAt: string | null;
  expired: boolean;
  /** When the agent last sent SVIDs or bundles. */
  lastUpdate: string | null;
  /** SVID/bundle updates received since the console started (each one is a rotation or bundle change). */
  updates: number;
  svids: { spiffeId: string; hint: string; expiresAt: string }[];
  /** Trust domains whose X.509 bundle the console holds (its own and federated). */
  trustDomains: string[];
  error: string | null;
};

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 5_000;

/**
 * A live X509-SVID source on one agent's Workload API socket: keeps the latest SVIDs and
 * bundles in memory, follows the FetchX509SVID stream and reconnects with backoff when the
 * agent goes away. The last SVID stays usable (until it expires) while the agent is down.
 */
export class X509Source {
  readonly socket: string;
  private readonly socketPath: string;
  private client: grpc.Client | null = null;
  private call: grpc.ClientReadableStream<unknown> | null = null;
  private context: X509Context | null = null;
  private state: WorkloadApiState = "connecting";
  private error: string | null = null;
  private updates = 0;
  private backoffMs = MIN_BACKOFF_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private settledOnce = false;
  private waiters: (() => void)[] = [];
  private closed = false;
  /** Bumped on every update; TLS connections built from an older generation are replaced. */
  generation = 0;

  constructor(socket: string) {
    this.socket = socket;
    this.socketPath = socketPathOf(socket);
  }

  /** Opens the stream (idempotent). */
  start(): this {
    if (!this.client && !this.closed) {
      this.client = createWorkloadApiClient(this.socketPath);
      this.connect();
    }
    return this;
  }

  /** The latest SVIDs and bundles, or null before the first answer. */
  current(): X509Context | null {
    return this.context;
  }

  /** Why the source is not ready, or null. */
  lastError(): string | null {
    return this.error;
  }

  isUp(): boolean {
    return this.state === "ready";
  }

  /** Resolves after the first answer or the first failure, or after `timeoutMs`. */
  settled(timeoutMs: number): Promise<void> {
    if (this.settledOnce) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** A snapshot for the API; `preferredId` is the configured console ID, if any. */
  status(preferredId?: string): WorkloadApiStatus {
    const svid = this.context ? pickSvid(this.context, preferredId) : null;
    return {
      socket: this.socket,
      state: this.state,
      spiffeId: svid?.spiffeId ?? null,
      expiresAt: svid?.notAfter.toISOString() ?? null,
      expired: svid ? svid.notAfter.getTime() <= Date.now() : false,
      lastUpdate: this.context?.receivedAt.toISOString() ?? null,
      updates: this.updates,
      svids: (this.context?.svids ?? []).map((s) => ({
        spiffeId: s.spiffeId,
        hint: s.hint,
        expiresAt: s.notAfter.toISOString(),
      })),
      trustDomains: [...(this.context?.bundles.keys() ?? [])].sort(),
      error:
        this.error ?? (this.context && preferredId && !svid ? `the agent issued no SVID for ${preferredId}` : null),
    };
  }

  /** Stops streaming for good (tests, config changes). */
  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.call?.cancel();
    this.client?.close();
    this.client = null;
    this.settle();
  }

  private connect(): void {
    if (!this.client || this.closed) return;
    const call = fetchX509Svid(this.client);
    this.call = call;
    let done = false;
    const fail = (reason: string) => {
      if (done) return;
      done = true;
      this.state = "down";
      this.error = reason;
      this.settle();
      this.scheduleReconnect();
    };
    call.on("data", (message: PbX509SvidResponse) => {
      try {
        this.context = toX509Context(message);
      } catch (error) {
        this.error = `the agent sent an unusable X509-SVID: ${(error as Error).message}`;
        return;
      }
      this.generation += 1;
      this.updates += 1;
      this.state = "ready";
      this.error = null;
      this.backoffMs = MIN_BACKOFF_MS;
      this.settle();
    });
    call.on("error", (error: grpc.ServiceError) => fail(this.explain(error)));
    call.on("end", () => fail(`the Workload API at ${this.socket} closed the stream`));
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    this.retryTimer = setTimeout(() => this.connect(), delay);
    this.retryTimer.unref();
  }

  private settle(): void {
    this.settledOnce = true;
    for (const wake of this.waiters.splice(0)) wake();
  }

  private explain(error: grpc.ServiceError): string {
    if (error.code === GrpcStatus.CANCELLED && this.closed) return "closed";
    if (!existsSync(this.socketPath)) {
      return `the Workload API socket ${this.socketPath} does not exist: is the SPIRE agent running? (set SPIFFE_ENDPOINT_SOCKET or tls.socket)`;
    }
    if (error.code === GrpcStatus.PERMISSION_DENIED) {
      return `the SPIRE agent at ${this.socket} issued no identity to the console (uid ${process.getuid?.() ?? "?"}): register an entry for it (${error.details})`;
    }
    if (error.code === GrpcStatus.CANCELLED) return `the SPIRE agent at ${this.socket} dropped the connection`;
    return `the Workload API at ${this.socket} failed: ${error.details || error.message}`;
  }
}

// Kept on globalThis so dev-mode module reloads reuse the stream instead of opening another.
const globalForSpiffe = globalThis as typeof globalThis & { __x509Sources?: Map<string, X509Source> };
const sources = (globalForSpiffe.__x509Sources ??= new Map());

/** The process-wide source for a Workload API socket address, started on first use. */
export function getX509Source(socket: string): X509Source {
  let source = sources.get(socket);
  if (!source) {
    source = new X509Source(socket);
    sources.set(socket, source);
  }
  return source.start();
}

/** Sources already started (for status reporting without opening new streams). */
export function startedX509Sources(): X509Source[] {
  return [...sources.values()];
}
