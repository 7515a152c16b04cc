// The console's own SPIFFE identity in the demo stack (issue #6): the console is a workload of
// foo (spiffe://foo.example.com/console, via foo-agent-1's Workload API) and reaches `bar` over
// TCP with that X509-SVID; bar lists the ID in admin_ids and trusts it through federation.
// Pure: no I/O, so state.ts can use it while writing console.json.
import type { StackState } from "./state.ts";

export const CONSOLE_SPIFFE_ID = "spiffe://foo.example.com/console";
/** The agent whose Workload API the console uses. */
export const CONSOLE_AGENT = "foo-agent-1";
/** Hint on the console's entry (the same uid also gets the stack-probe SVID). */
export const CONSOLE_HINT = "console";

/**
 * Servers the console reaches over TCP with its SVID: `SPIRE_CONSOLE_REMOTE_SERVERS`
 * (comma-separated; empty means none), default `bar`. The others stay on their Unix socket.
 */
export function remoteServerNames(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env.SPIRE_CONSOLE_REMOTE_SERVERS ?? "bar";
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

type BaseServer = { name: string; address: string; trustDomain: string };

/** Adds the console's identity to a console.json: the Workload API socket and TCP for remote servers. */
export function withConsoleIdentity<C extends { servers: BaseServer[] }>(
  state: StackState,
  config: C,
  env: NodeJS.ProcessEnv = process.env,
) {
  const remote = new Set(remoteServerNames(env));
  const agent = state.servers.flatMap((s) => s.agents).find((a) => a.name === CONSOLE_AGENT);
  if (remote.size === 0 || !agent) return config;
  return {
    ...config,
    workloadApi: { socket: `unix://${agent.socketPath}`, spiffeId: CONSOLE_SPIFFE_ID },
    servers: config.servers.map((server) => {
      const stackServer = state.servers.find((s) => s.name === server.name);
      if (!remote.has(server.name) || !stackServer) return server;
      return { ...server, address: `127.0.0.1:${stackServer.bindPort}`, tls: { source: "workloadApi" as const } };
    }),
  };
}
