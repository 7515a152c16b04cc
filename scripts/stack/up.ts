// `stack:up`: builds/reuses SPIRE, starts what is not running (the OpenID provider, the
// Kubernetes API server, servers, federation, agents), seeds entries once, and writes .stack/stack.json and
// .stack/console.json.
import { mkdirSync } from "node:fs";
import { userInfo } from "node:os";

import { ensureIdp, toStackIdp } from "../idp/start.ts";
import { ensureAgent } from "./agents.ts";
import { ensureSpireBinaries } from "./build-spire.ts";
import { ensureConsoleIdentity } from "./console-identity.ts";
import { ensureFederation } from "./federation.ts";
import { ensureFleetPki } from "./fleet-pki.ts";
import { ensureK8sAgents, k8sState, psatServerConfig, publishK8sBundle, startKubernetes } from "./k8s-hooks.ts";
import { K8S_AGENTS } from "./k8s-topology.ts";
import { say, stopwatch } from "./log.ts";
import { getAgentPaths, getServerPaths, getStackPaths } from "./paths.ts";
import { loadOrChoosePorts } from "./ports.ts";
import { ensureSeeded } from "./seed.ts";
import { barSeedEntries } from "./seed-bar.ts";
import { seedClusterEntries } from "./seed-clusters.ts";
import { seedControllerWorld } from "./seed-controller-manager.ts";
import { writeStackEntrySets } from "./seed-entry-sets.ts";
import { fooSeedEntries } from "./seed-foo.ts";
import { seedTroubleshoot } from "./seed-troubleshoot.ts";
import { ensureServer, exportBundle } from "./servers.ts";
import type { StackServer, StackState } from "./state.ts";
import { writeStackFiles } from "./state.ts";
import { ensureTelemetryPorts, telemetryUrl } from "./telemetry.ts";
import { AGENTS, agentsOf, getServerSpec, SERVERS } from "./topology.ts";

/** Brings the whole stack up; safe to run again at any time. */
export async function up(): Promise<StackState> {
  const total = stopwatch();
  const paths = getStackPaths();
  say(`stack dir ${paths.stackDir}, sockets in ${paths.socketDir}`);
  mkdirSync(paths.stackDir, { recursive: true });
  mkdirSync(paths.socketDir, { recursive: true, mode: 0o700 });
  const idp = toStackIdp(paths, await ensureIdp(paths));

  const bin = await ensureSpireBinaries(paths.binDir);
  const ports = await loadOrChoosePorts(
    paths.portsPath,
    SERVERS.map((s) => s.name),
  );
  const foo = getServerSpec("foo");
  const bar = getServerSpec("bar");
  const x509popAgents = AGENTS.filter((a) => a.attestation === "x509pop").map((a) => a.name);
  const pki = await ensureFleetPki(paths.pkiDir, foo.trustDomain, x509popAgents);

  const telemetry = await ensureTelemetryPorts(
    paths,
    [...SERVERS, ...AGENTS].map((c) => c.name),
    new Set(Object.values(ports).flatMap((p) => [p.bindPort, p.bundleEndpointPort])),
  );
  const k8s = await startKubernetes(paths);
  const fresh = new Set<string>();
  await Promise.all(
    SERVERS.map(async (spec) => {
      const result = await ensureServer(
        paths,
        bin,
        spec,
        ports[spec.name]!,
        pki.caPath,
        psatServerConfig(k8s, spec.name),
      );
      if (result.fresh) fresh.add(spec.name);
    }),
  );
  await Promise.all(SERVERS.map((spec) => exportBundle(paths, bin, spec.name)));
  await ensureFederation(paths, bin, ports, [foo, bar], fresh);

  const agentIds = new Map<string, string>();
  await Promise.all(
    AGENTS.map(async (agent) => {
      const server = getServerSpec(agent.server);
      const ctx = {
        paths,
        bin,
        server,
        serverPort: ports[server.name]!.bindPort,
        pki,
        serverIsFresh: fresh.has(server.name),
      };
      agentIds.set(agent.name, await ensureAgent(ctx, agent));
    }),
  );
  const k8sAgentIds = await ensureK8sAgents(k8s, (name) => ({
    paths,
    bin,
    server: getServerSpec(name),
    serverPort: ports[name]!.bindPort,
    pki,
    serverIsFresh: fresh.has(name),
  }));
  for (const [name, id] of k8sAgentIds) agentIds.set(name, id);
  await publishK8sBundle(k8s, paths);
  await seedTroubleshoot(k8s?.demo ?? null, paths, bin, agentIds);
  await seedClusterEntries(k8s, paths, bin, agentIds);
  await seedControllerWorld(k8s?.demo ?? null, paths, bin, {
    trustDomain: bar.trustDomain,
    bundleEndpointUrl: `https://127.0.0.1:${ports[bar.name]!.bundleEndpointPort}`,
  });

  const now = Math.floor(Date.now() / 1000);
  await ensureSeeded(
    paths,
    bin,
    "foo",
    fooSeedEntries({
      agent1Id: agentIds.get("foo-agent-1")!,
      agent2Id: agentIds.get("foo-agent-2")!,
      fleetCaFingerprint: pki.ca.fingerprint,
      uid: userInfo().uid,
      now,
    }),
  );
  await ensureSeeded(paths, bin, "bar", barSeedEntries());
  writeStackEntrySets(paths.stackDir, agentIds.get("foo-agent-1")!);
  await ensureConsoleIdentity(paths, bin, agentIds.get("foo-agent-1")!, userInfo().uid);

  const servers: StackServer[] = SERVERS.map((spec) => ({
    name: spec.name,
    trustDomain: spec.trustDomain,
    socketPath: getServerPaths(paths, spec.name).socketPath,
    bindPort: ports[spec.name]!.bindPort,
    bundleEndpointPort: ports[spec.name]!.bundleEndpointPort,
    dataDir: getServerPaths(paths, spec.name).dir,
    ...(telemetry[spec.name] ? { telemetryUrl: telemetryUrl(telemetry[spec.name]!) } : {}),
    agents: [...agentsOf(spec.name), ...K8S_AGENTS.filter((a) => a.server === spec.name && agentIds.has(a.name))].map(
      (agent) => ({
        name: agent.name,
        spiffeId: agentIds.get(agent.name)!,
        attestationType: agent.attestation,
        socketPath: getAgentPaths(paths, agent.name).socketPath,
        dataDir: getAgentPaths(paths, agent.name).dir,
        ...(telemetry[agent.name] ? { telemetryUrl: telemetryUrl(telemetry[agent.name]!) } : {}),
      }),
    ),
  }));
  const state: StackState = {
    servers,
    bin: { spireServer: bin.spireServer, spireAgent: bin.spireAgent },
    kubernetes: k8sState(k8s),
    idp,
  };
  writeStackFiles(paths.statePath, paths.consolePath, state);
  say(`wrote ${paths.statePath} and ${paths.consolePath}`);
  say(`stack is up in ${total()}: ${servers.map((s) => `${s.name} unix://${s.socketPath}`).join(", ")}`);
  return state;
}
