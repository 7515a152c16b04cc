// The stack's public description: .stack/stack.json (for tests and scripts) and
// .stack/console.json (the console's server list). Import these helpers from tests.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { StackIdp } from "../idp/start.ts";
import { CM_ENTRY_PREFIX } from "../k8s/controller-world.ts";
import { withConsoleIdentity } from "./console-config.ts";
import { getStackPaths, SPIRE_VERSION } from "./paths.ts";
import { stackEntrySetsConfig } from "./seed-entry-sets.ts";
import { FOO_FLEET_ALIAS, FOO_TEAM_A_PREFIX } from "./seed-foo.ts";
import { type AttestationType, SERVERS } from "./topology.ts";

export interface StackAgent {
  name: string;
  spiffeId: string;
  attestationType: AttestationType;
  /** Workload API socket of the agent. */
  socketPath: string;
  dataDir: string;
  /** SPIRE's Prometheus telemetry endpoint of the agent (scripts/stack/telemetry.ts). */
  telemetryUrl?: string;
}

export interface StackServer {
  name: string;
  trustDomain: string;
  /** Admin API Unix socket. */
  socketPath: string;
  bindPort: number;
  bundleEndpointPort: number;
  dataDir: string;
  /** SPIRE's Prometheus telemetry endpoint of the server (scripts/stack/telemetry.ts). */
  telemetryUrl?: string;
  agents: StackAgent[];
}

/** The local Kubernetes API server (scripts/k8s), when the stack runs one. */
export interface StackKubernetes {
  cluster: string;
  /** https://127.0.0.1:<port> */
  server: string;
  /** The SPIRE server whose k8s_psat agents run on the cluster's nodes. */
  spireServer: string;
  namespace: string;
  adminKubeconfig: string;
  consoleKubeconfig: string;
  nodes: { name: string; uid: string }[];
  /** Every local cluster (demo first, then edge) with the SPIRE deployments in it. */
  clusters?: StackCluster[];
}

/** One local cluster and its SPIRE deployments. */
export interface StackCluster {
  name: string;
  server: string;
  adminKubeconfig: string;
  consoleKubeconfig: string;
  nodes: { name: string; uid: string }[];
  deployments: { name: string; spireServer: string; namespace: string; serverInCluster: boolean }[];
}

export interface StackState {
  servers: StackServer[];
  bin: { spireServer: string; spireAgent: string };
  kubernetes?: StackKubernetes;
  /** The local OpenID provider (scripts/idp); its demo users and passwords are in `idp.infoFile`. */
  idp: StackIdp;
}

export interface ConsoleConfig {
  servers: {
    name: string;
    address: string;
    trustDomain: string;
    version: string;
    adminIds: string[];
    telemetry?: string;
  }[];
  kubernetes?: ReturnType<typeof consoleKubernetes>;
  dataDir: string;
  auth: ReturnType<typeof demoAuthConfig>;
  /** Watched entry sets (scripts/stack/seed-entry-sets.ts). */
  entrySets: ReturnType<typeof stackEntrySetsConfig>;
}

/**
 * Sign-in for the demo: the stack's OpenID provider, and one binding per demo group — admins,
 * an editor scoped to team A's part of foo, and viewers.
 */
export function demoAuthConfig(idp: StackIdp) {
  return {
    oidc: {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecretFile: idp.clientSecretFile,
      displayName: "the demo OpenID provider",
    },
    bindings: [
      { role: "admin" as const, groups: ["spire-admins"] },
      {
        role: "editor" as const,
        groups: ["team-a-editors"],
        servers: ["foo"],
        spiffeIdPrefixes: [FOO_TEAM_A_PREFIX],
        dnsSuffixes: ["team-a.svc.cluster.local"],
        // Team A's entries hang off foo's agents or the fleet alias and select team A's pods or users.
        parentIdPrefixes: ["spiffe://foo.example.com/spire/agent", FOO_FLEET_ALIAS],
        selectorPrefixes: ["k8s:ns:team-a", "unix:user:team-a-*"],
        maxX509SvidTtl: 86_400,
        maxJwtSvidTtl: 3_600,
      },
      { role: "viewer" as const, groups: ["spire-viewers"] },
    ],
    // Every sign-in of the demo and the tests comes from 127.0.0.1: the per-address limits are raised.
    rateLimits: { signInPerMinute: 600, mutationsPerMinute: 1200, failedAuthPerMinute: 600 },
  };
}

/** Reads .stack/stack.json (or `<stackDir>/stack.json`); throws if the stack was never brought up. */
export function readStackState(stackDir = getStackPaths().stackDir): StackState {
  const file = path.join(stackDir, "stack.json");
  if (!existsSync(file)) {
    throw new Error(`${file} not found: run \`npm run stack:up\` first`);
  }
  return JSON.parse(readFileSync(file, "utf8")) as StackState;
}

/** Returns the named server of the stack, or throws. */
export function getStackServer(state: StackState, name: string): StackServer {
  const server = state.servers.find((s) => s.name === name);
  if (!server) throw new Error(`stack has no server "${name}" (have: ${state.servers.map((s) => s.name).join(", ")})`);
  return server;
}

/**
 * The console's server list: one `unix://` address per stack server, except the servers the
 * console reaches over TCP with its own SVID (bar by default; see console-config.ts).
 */
export function toConsoleConfig(state: StackState): ConsoleConfig {
  return withConsoleIdentity(state, {
    servers: state.servers.map((s) => ({
      name: s.name,
      address: `unix://${s.socketPath}`,
      trustDomain: s.trustDomain,
      version: SPIRE_VERSION,
      // Mirrors the server's admin_ids (topology.ts): the console refuses those IDs to scoped writers.
      adminIds: SERVERS.find((spec) => spec.name === s.name)?.adminIds ?? [],
      ...(s.telemetryUrl ? { telemetry: s.telemetryUrl } : {}),
    })),
    dataDir: path.resolve(path.dirname(state.idp.infoFile), "..", "console-data"),
    entrySets: stackEntrySetsConfig(path.resolve(path.dirname(state.idp.infoFile), "..")),
    auth: demoAuthConfig(state.idp),
    ...(state.kubernetes ? { kubernetes: consoleKubernetes(state.kubernetes) } : {}),
  });
}

/** The console's `kubernetes` section: every cluster with its deployments (or demo's alone, for an older stack.json). */
function consoleKubernetes(k: StackKubernetes) {
  const clusters = k.clusters ?? [
    {
      name: k.cluster,
      consoleKubeconfig: k.consoleKubeconfig,
      deployments: [{ name: k.spireServer, spireServer: k.spireServer, namespace: k.namespace, serverInCluster: true }],
    },
  ];
  return {
    clusters: clusters.map((c) => ({
      name: c.name,
      kubeconfig: c.consoleKubeconfig,
      deployments: c.deployments.map((d) => ({
        name: d.name,
        spireServer: d.spireServer,
        namespace: d.namespace,
        ...(d.serverInCluster ? {} : { serverInCluster: false }),
        // foo's controller manager names its entries scm.<uuid> (scripts/k8s/controller-world.ts).
        ...(d.spireServer === "foo" ? { controllerManager: { entryIdPrefix: CM_ENTRY_PREFIX } } : {}),
      })),
    })),
  };
}

/** Writes stack.json and console.json into the stack dir. */
export function writeStackFiles(statePath: string, consolePath: string, state: StackState): void {
  writeFileSync(statePath, JSON.stringify(state, null, 2) + "\n");
  writeFileSync(consolePath, JSON.stringify(toConsoleConfig(state), null, 2) + "\n");
}
