import "server-only";

import type {
  AppsV1Api,
  ConfigurationOptions,
  CoreV1Api,
  CustomObjectsApi,
  ObservableMiddleware,
  StorageV1Api,
} from "@kubernetes/client-node";

import { ApiError } from "@/lib/api/api-error";
import { observeK8sCall } from "@/lib/metrics/record";

import { type K8sConfigState, type K8sTarget, resolveK8sConfig } from "./config";
import { k8sLibrary } from "./library";

export type K8sClients = {
  core: CoreV1Api;
  apps: AppsV1Api;
  storage: StorageV1Api;
  custom: CustomObjectsApi;
  state: Extract<K8sConfigState, { status: "ok" }>;
};

// Kept on globalThis so dev-mode module reloads reuse the clients (one set per cluster and deployment).
const globalForK8s = globalThis as typeof globalThis & { __k8sClientSets?: WeakMap<K8sTarget, K8sClients> };

/**
 * The API clients for one SPIRE deployment in one cluster (by default the first configured);
 * throws 503 `not_configured` without Kubernetes, 404 `not_found` for an unknown cluster or
 * deployment, 503 for a cluster whose configuration cannot be used.
 */
export function getK8sClients(ref: { cluster?: string; deployment?: string } = {}): K8sClients {
  const state = resolveK8sConfig(ref);
  if (state.status === "not_configured") throw new ApiError("not_configured", state.message);
  if (state.status !== "ok") {
    const unknown = /^No Kubernetes cluster|has no SPIRE deployment/.test(state.message);
    throw new ApiError(unknown ? "not_found" : "not_configured", state.message);
  }
  return clientsFor(state);
}

/** The API clients of a resolved deployment (see resolveK8sClusters). */
export function clientsFor(state: K8sTarget): K8sClients {
  globalForK8s.__k8sClientSets ??= new WeakMap();
  const current = globalForK8s.__k8sClientSets.get(state);
  if (current) return current;
  const { CoreV1Api, AppsV1Api, StorageV1Api, CustomObjectsApi } = k8sLibrary();
  const clients: K8sClients = {
    core: state.kubeConfig.makeApiClient(CoreV1Api),
    apps: state.kubeConfig.makeApiClient(AppsV1Api),
    storage: state.kubeConfig.makeApiClient(StorageV1Api),
    custom: state.kubeConfig.makeApiClient(CustomObjectsApi),
    state,
  };
  globalForK8s.__k8sClientSets.set(state, clients);
  return clients;
}

/** Per-call options that abort the request after `timeoutMs` (the library has no deadline of its own). */
function deadline(timeoutMs: number): ConfigurationOptions {
  const { Observable } = k8sLibrary();
  const middleware: ObservableMiddleware = {
    pre: (context) => {
      context.setSignal(AbortSignal.timeout(timeoutMs));
      return new Observable(Promise.resolve(context));
    },
    post: (context) => new Observable(Promise.resolve(context)),
  };
  return { middleware: [middleware], middlewareMergeStrategy: "append" };
}

/**
 * Runs one Kubernetes API call with the configured deadline and turns every failure into an
 * ApiError: 504 `deadline_exceeded`, 503 `unavailable` (unreachable, refused credentials),
 * 404 `not_found`. `what` names the call in messages ("list nodes").
 */
export async function k8sCall<T>(
  clients: K8sClients,
  what: string,
  call: (options: ConfigurationOptions) => Promise<T>,
): Promise<T> {
  const { timeoutMs } = clients.state.settings;
  const server = clients.state.cluster.server;
  const started = performance.now();
  try {
    const result = await call(deadline(timeoutMs));
    observeK8sCall(what, "ok", started);
    return result;
  } catch (error) {
    const apiError = toK8sApiError(error, what, server, timeoutMs);
    observeK8sCall(what, apiError.code, started);
    throw apiError;
  }
}

function toK8sApiError(error: unknown, what: string, server: string, timeoutMs: number): ApiError {
  if (error instanceof k8sLibrary().ApiException) {
    const code = error.code as number;
    const message = statusMessage(error.body) ?? `HTTP ${code}`;
    if (code === 404) return new ApiError("not_found", `Kubernetes: ${what}: ${message}`);
    if (code === 401 || code === 403) {
      return new ApiError(
        "unavailable",
        `The Kubernetes API at ${server} refused to ${what} (${code}): ${message}. ` +
          "Give the console's identity read access (see the spire-console-reader ClusterRole).",
      );
    }
    return new ApiError("unavailable", `The Kubernetes API at ${server} could not ${what} (${code}): ${message}`);
  }
  const text = errorText(error);
  if (/abort|timeout/i.test(text)) {
    return new ApiError(
      "deadline_exceeded",
      `The Kubernetes API at ${server} did not answer "${what}" within ${timeoutMs} ms.`,
    );
  }
  return new ApiError("unavailable", `Cannot reach the Kubernetes API at ${server} to ${what}: ${text}`);
}

function statusMessage(body: unknown): string | null {
  const parsed = typeof body === "string" ? safeJson(body) : body;
  if (parsed && typeof parsed === "object" && "message" in parsed)
    return String((parsed as { message: unknown }).message);
  return typeof body === "string" && body ? body.slice(0, 200) : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  const causeText = cause instanceof Error ? `: ${(cause as Error & { code?: string }).code ?? cause.message}` : "";
  return `${error.name === "Error" ? "" : `${error.name}: `}${error.message}${causeText}`;
}
