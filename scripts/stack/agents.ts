// Brings up one SPIRE agent. x509pop agents can always re-attest; a join_token agent
// restarts on its stored SVID while valid, else gets a fresh one-time token.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { CLUSTER_NAME, psatTokenPath } from "../k8s/paths.ts";
import { renderAgentConfig } from "./agent-config.ts";
import { isReusable, readStoredSvid } from "./agent-svid.ts";
import type { SpireBinaries } from "./build-spire.ts";
import { agentComponent } from "./components.ts";
import { run } from "./exec.ts";
import type { FleetPki } from "./fleet-pki.ts";
import { waitHealthy } from "./health.ts";
import { say, StackError } from "./log.ts";
import type { StackPaths } from "./paths.ts";
import { getAgentPaths, getServerPaths } from "./paths.ts";
import { runningPid, startDetached, stopProcess } from "./process.ts";
import { runServerCliJson } from "./spire-cli.ts";
import { readTelemetryPorts } from "./telemetry.ts";
import type { AgentSpec, ServerSpec } from "./topology.ts";

export interface AgentContext {
  paths: StackPaths;
  bin: SpireBinaries;
  server: ServerSpec;
  serverPort: number;
  pki: FleetPki;
  /** The agent's server has a new, empty datastore: old agent data must go. */
  serverIsFresh: boolean;
}

/** Writes the agent's config, starts it unless running, and returns its SPIFFE ID. */
export async function ensureAgent(ctx: AgentContext, agent: AgentSpec): Promise<string> {
  const ap = getAgentPaths(ctx.paths, agent.name);
  const { spec: proc, socketPath } = agentComponent(ctx.paths, agent.name);
  const fleetCert = ctx.pki.agents[agent.name];
  if (ctx.serverIsFresh) {
    await stopProcess(proc);
    rmSync(ap.dataDir, { recursive: true, force: true });
  }
  mkdirSync(ap.dataDir, { recursive: true, mode: 0o700 });
  mkdirSync(path.dirname(socketPath), { recursive: true, mode: 0o700 });
  const previous = existsSync(ap.configPath) ? readFileSync(ap.configPath, "utf8") : null;
  const config = renderAgentConfig({
    trustDomain: ctx.server.trustDomain,
    serverPort: ctx.serverPort,
    socketPath,
    dataDir: ap.dataDir,
    logPath: ap.logPath,
    trustBundlePath: getServerPaths(ctx.paths, ctx.server.name).bundlePemPath,
    x509pop:
      agent.attestation === "x509pop" && fleetCert
        ? { certificatePath: fleetCert.certPath, privateKeyPath: fleetCert.keyPath }
        : undefined,
    k8sPsat:
      agent.attestation === "k8s_psat"
        ? { cluster: agent.k8sCluster ?? CLUSTER_NAME, tokenPath: psatTokenPath(ap.dir) }
        : undefined,
    telemetryPort: readTelemetryPorts(ctx.paths)[agent.name],
  });
  writeFileSync(ap.configPath, config);

  if (previous !== null && previous !== config && runningPid(proc) !== null) {
    say(`${agent.name}'s config changed; restarting it`);
    await stopProcess(proc);
  }
  const pid = runningPid(proc);
  if (pid !== null) {
    say(`${agent.name} already running (pid ${pid})`);
    return agentIdOrThrow(agent.name, ap.dataDir);
  }
  const extraArgs = agent.attestation === "join_token" ? await joinTokenArgs(ctx, agent, ap) : [];
  rmSync(socketPath, { force: true });
  const newPid = startDetached(proc, extraArgs);
  say(`starting ${agent.name} (${agent.attestation} -> ${ctx.server.name}, pid ${newPid}) ...`);
  const took = await waitHealthy({ label: agent.name, spec: proc, socketPath });
  const id = agentIdOrThrow(agent.name, ap.dataDir);
  say(`${agent.name} healthy in ${took} as ${id}`);
  return id;
}

/** `-joinTokenFile <file>` with a fresh token, or nothing if the stored SVID is still usable. */
async function joinTokenArgs(
  ctx: AgentContext,
  agent: AgentSpec,
  ap: ReturnType<typeof getAgentPaths>,
): Promise<string[]> {
  const stored = readStoredSvid(ap.dataDir);
  if (stored && isReusable(stored)) {
    say(`${agent.name}: reusing its stored SVID ${stored.spiffeId} (valid until ${stored.notAfter.toISOString()})`);
    return [];
  }
  const socket = getServerPaths(ctx.paths, ctx.server.name).socketPath;
  if (stored) {
    // Evicting the old join-token agent also deletes its auto-created alias entry.
    await run(ctx.bin.spireServer, ["agent", "evict", "-socketPath", socket, "-spiffeID", stored.spiffeId]);
  }
  const args = [
    "token",
    "generate",
    "-ttl",
    "600",
    ...(agent.joinTokenAlias ? ["-spiffeID", agent.joinTokenAlias] : []),
  ];
  const token = await runServerCliJson<{ value: string }>(ctx.bin.spireServer, socket, args);
  writeFileSync(ap.joinTokenPath, token.value + "\n", { mode: 0o600 });
  chmodSync(ap.joinTokenPath, 0o600);
  say(
    `${agent.name}: ${stored ? "stored SVID expired, so it must attest again:" : "first attestation:"} generated a fresh join token (alias ${agent.joinTokenAlias ?? "none"})`,
  );
  return ["-joinTokenFile", ap.joinTokenPath];
}

function agentIdOrThrow(name: string, dataDir: string): string {
  const svid = readStoredSvid(dataDir);
  if (!svid) throw new StackError(`${name} is healthy but has no stored SVID in ${dataDir}`);
  return svid.spiffeId;
}
