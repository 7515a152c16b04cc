import path from "node:path";

/** The environment variable SPIFFE defines for the Workload API endpoint. */
export const ENDPOINT_SOCKET_ENV = "SPIFFE_ENDPOINT_SOCKET";

/**
 * The Unix socket path of a Workload API address: `unix:///path` (SPIFFE's form) or
 * `unix:/path`. Throws a readable error for anything else (tcp:// is not supported).
 */
export function socketPathOf(address: string): string {
  const match = /^unix:(?:\/\/)?(\/.+)$/.exec(address);
  if (!match?.[1])
    throw new Error(`Workload API address ${JSON.stringify(address)} must be unix:///path/to/agent.sock`);
  return path.normalize(match[1]);
}

/** The configured socket address, else `SPIFFE_ENDPOINT_SOCKET`, else null. */
export function resolveWorkloadApiAddress(
  configured: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  return configured || env[ENDPOINT_SOCKET_ENV] || null;
}
