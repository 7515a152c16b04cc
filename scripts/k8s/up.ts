// Brings up the local Kubernetes control plane and its seeded world: builds/reuses etcd
// and kube-apiserver, starts them on loopback, writes the kubeconfigs, seeds the objects.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { say, stopwatch } from "../stack/log.ts";
import type { StackPaths } from "../stack/paths.ts";
import { trackedPid } from "../stack/process.ts";
import { ensureK8sBinaries } from "./build.ts";
import { apiserverProcess, ensureApiserver, ensureEtcd, etcdProcess } from "./control-plane.ts";
import type { KubeTarget } from "./kube-http.ts";
import { writeKubeconfig } from "./kubeconfig.ts";
import type { K8sPaths } from "./paths.ts";
import { CLUSTER_NAME, getK8sPaths } from "./paths.ts";
import { ensureK8sCredentials, TOKEN_USERS } from "./pki.ts";
import { loadOrChooseK8sPorts } from "./ports.ts";
import type { SeededWorld } from "./seed.ts";
import { seedWorld } from "./seed.ts";
import { SPIRE_NAMESPACE } from "./topology.ts";

export interface K8sStack {
  cluster: string;
  server: string;
  paths: K8sPaths;
  /** The admin identity (system:masters) the scripts use. */
  admin: KubeTarget;
  world: SeededWorld;
}

/** True unless SPIRE_CONSOLE_KUBERNETES=off (then the stack runs without Kubernetes). */
export function kubernetesEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !["off", "0", "false", "no"].includes((env.SPIRE_CONSOLE_KUBERNETES ?? "").toLowerCase());
}

/** One local cluster: its name and how its world is seeded. */
export interface ClusterWorld {
  name: string;
  seed: (admin: KubeTarget, now?: Date) => Promise<SeededWorld>;
}

const DEMO_WORLD: ClusterWorld = { name: CLUSTER_NAME, seed: seedWorld };

/** Starts etcd + kube-apiserver of one cluster (default demo) unless running, writes kubeconfigs, seeds its world. */
export async function ensureKubernetes(paths: StackPaths, cluster: ClusterWorld = DEMO_WORLD): Promise<K8sStack> {
  const elapsed = stopwatch();
  const kp = getK8sPaths(paths, cluster.name);
  mkdirSync(kp.dir, { recursive: true, mode: 0o700 });
  const running = trackedPid(etcdProcess(kp)) !== null && trackedPid(apiserverProcess(kp)) !== null;
  if (!running) await ensureK8sBinaries(kp);
  const tokens = ensureK8sCredentials(kp);
  const ports = await loadOrChooseK8sPorts(kp.portsPath);
  await ensureEtcd(kp, ports);
  await ensureApiserver(kp, ports, tokens.admin);

  const server = `https://127.0.0.1:${ports.apiserver}`;
  const kubeconfig = (file: string, key: keyof typeof tokens, namespace?: string) =>
    writeKubeconfig(file, {
      server,
      caPath: kp.servingCertPath,
      user: TOKEN_USERS[key][0],
      token: tokens[key],
      namespace,
      cluster: cluster.name,
    });
  kubeconfig(kp.adminKubeconfig, "admin", SPIRE_NAMESPACE);
  kubeconfig(kp.consoleKubeconfig, "console", SPIRE_NAMESPACE);
  kubeconfig(kp.spireServerKubeconfig, "spireServer");

  const admin: KubeTarget = { server, ca: readFileSync(kp.servingCertPath), token: tokens.admin };
  const world = await seedUnlessCurrent(kp, admin, cluster);
  say(
    `Kubernetes API server ${server} (cluster ${cluster.name}) ready with its world in ${elapsed()} (kubeconfig ${kp.adminKubeconfig})`,
  );
  return { cluster: cluster.name, server, paths: kp, admin, world };
}

interface SeedMarker {
  version: string;
  pids: string;
  seededAt: number;
  world: SeededWorld;
}

const RESEED_AFTER_MS = 6 * 3_600_000;

/** Hash of the files that define the world: a change to any of them re-seeds. */
function worldVersion(): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(import.meta.dirname)
    .filter((f) => /^(world-.*|seed|topology)\.ts$/.test(f))
    .sort()) {
    hash.update(file).update(readFileSync(path.join(import.meta.dirname, file)));
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * Seeds the world unless this control plane (same etcd and apiserver processes) already holds
 * the current version of it, seeded less than 6 hours ago (which keeps its events recent).
 * Skipping keeps a repeated `stack:up` fast.
 */
async function seedUnlessCurrent(kp: K8sPaths, admin: KubeTarget, cluster: ClusterWorld): Promise<SeededWorld> {
  const version = worldVersion();
  const pids = `${trackedPid(etcdProcess(kp))}/${trackedPid(apiserverProcess(kp))}`;
  if (existsSync(kp.seedMarkerPath)) {
    const marker = JSON.parse(readFileSync(kp.seedMarkerPath, "utf8")) as SeedMarker;
    const fresh = Date.now() - marker.seededAt < RESEED_AFTER_MS;
    if (marker.version === version && marker.pids === pids && fresh) {
      say(`the Kubernetes world is already seeded (${kp.seedMarkerPath})`);
      return marker.world;
    }
  }
  const world = await cluster.seed(admin);
  const marker: SeedMarker = { version, pids, seededAt: Date.now(), world };
  writeFileSync(kp.seedMarkerPath, JSON.stringify(marker, null, 2) + "\n");
  return world;
}
