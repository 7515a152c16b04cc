// Label values for calls to SPIRE and Kubernetes: bounded sets, never names of objects.

const grpcCodes = [
  "OK",
  "CANCELLED",
  "UNKNOWN",
  "INVALID_ARGUMENT",
  "DEADLINE_EXCEEDED",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED",
  "FAILED_PRECONDITION",
  "ABORTED",
  "OUT_OF_RANGE",
  "UNIMPLEMENTED",
  "INTERNAL",
  "UNAVAILABLE",
  "DATA_LOSS",
  "UNAUTHENTICATED",
] as const;

/** The name of a gRPC status code (`14` → `UNAVAILABLE`); unknown numbers are `UNKNOWN`. */
export function grpcCodeName(code: number | undefined): string {
  return grpcCodes[code ?? 2] ?? "UNKNOWN";
}

/**
 * The `operation` label of a Kubernetes call from the description the adapter gives it
 * ("list pods in spire" → "list pods", "read the log of spire/x" → "read pods/log"): the verb
 * and the kind, without namespaces or names.
 */
export function k8sOperation(what: string): string {
  if (/^read the log\b/.test(what)) return "read pods/log";
  const [verb = "call", kind = ""] = what.split(/\s+/);
  return kind ? `${verb} ${kind}` : verb;
}
