// Every process of the stack (servers, then agents) with its pid file and socket,
// derived from paths alone so `down` and `status` work without stack.json.
import path from "node:path";

import { K8S_AGENTS } from "./k8s-topology.ts";
import type { StackPaths } from "./paths.ts";
import { getAgentPaths, getServerPaths } from "./paths.ts";
import type { ProcessSpec } from "./process.ts";
import { AGENTS, SERVERS } from "./topology.ts";

export interface Component {
  kind: "server" | "agent";
  name: string;
  spec: ProcessSpec;
  /** Admin API socket (server) or Workload API socket (agent). */
  socketPath: string;
}

/** Process spec of the named stack server. */
export function serverComponent(paths: StackPaths, name: string): Component {
  const sp = getServerPaths(paths, name);
  return {
    kind: "server",
    name,
    socketPath: sp.socketPath,
    spec: {
      binary: path.join(paths.binDir, "spire-server"),
      configPath: sp.configPath,
      pidPath: sp.pidPath,
      logPath: sp.logPath,
    },
  };
}

/** Process spec of the named stack agent. */
export function agentComponent(paths: StackPaths, name: string): Component {
  const ap = getAgentPaths(paths, name);
  return {
    kind: "agent",
    name,
    socketPath: ap.socketPath,
    spec: {
      binary: path.join(paths.binDir, "spire-agent"),
      configPath: ap.configPath,
      pidPath: ap.pidPath,
      logPath: ap.logPath,
    },
  };
}

/** All components, servers first. */
export function listComponents(paths: StackPaths): Component[] {
  return [
    ...SERVERS.map((s) => serverComponent(paths, s.name)),
    ...[...AGENTS, ...K8S_AGENTS].map((a) => agentComponent(paths, a.name)),
  ];
}
