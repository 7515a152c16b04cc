// Installs spire-controller-manager's CRDs (our own manifests in deploy/crds) into the local API
// server and applies the objects and pods of controller-world.ts, statuses included. Idempotent.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { parse } from "yaml";

import { sleep } from "../stack/process.ts";
import { applyAll, applyObject } from "./apply.ts";
import {
  clusterFederatedTrustDomains,
  clusterSpiffeIds,
  clusterStaticEntries,
  CM_NAMESPACE,
  CM_NAMESPACE_LABELS,
  CM_PODS,
} from "./controller-world.ts";
import type { KubeTarget } from "./kube-http.ts";
import { kubeRequest } from "./kube-http.ts";
import type { SeedObject } from "./seed-types.ts";
import { NODES } from "./topology.ts";
import { rbac } from "./world-cluster.ts";
import { pod } from "./world-pods.ts";

const CRD_DIR = path.resolve(import.meta.dirname, "../../deploy/crds");

/** The CRD manifests of deploy/crds. */
export function crdManifests(): SeedObject[] {
  return readdirSync(CRD_DIR)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => parse(readFileSync(path.join(CRD_DIR, f), "utf8")) as SeedObject);
}

type Crd = { status?: { conditions?: { type: string; status: string }[] } };

export async function waitEstablished(target: KubeTarget, name: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const crd = await kubeRequest<Crd>(
      target,
      "GET",
      `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`,
    );
    if (crd.status?.conditions?.some((c) => c.type === "Established" && c.status === "True")) return;
    await sleep(200);
  }
  throw new Error(`CRD ${name} was not established within 10 s`);
}

function pods(now: Date): SeedObject[] {
  return CM_PODS.map((p, index) => {
    const node = NODES.find((n) => n.name === p.node)!;
    return pod(
      {
        namespace: CM_NAMESPACE,
        name: p.name,
        nodeName: p.node,
        hostIP: node.ip,
        podIP: `10.244.7.${10 + index}`,
        labels: { app: p.app },
        spec: {
          serviceAccountName: p.serviceAccount,
          containers: [{ name: p.app, image: `registry.example.com/shop/${p.app}:2.3.1` }],
        },
        containers: {},
        startedSecondsAgo: 7_200,
      },
      now,
    );
  });
}

/**
 * Applies the CRDs, then namespace `shop`, its service accounts and pods, and the controller
 * manager's objects with their status. Returns each pod's UID (entries select pods by it).
 */
export async function seedControllerManager(
  target: KubeTarget,
  input: { trustDomain: string; partner: { trustDomain: string; bundleEndpointUrl: string } },
  now = new Date(),
): Promise<Map<string, string>> {
  // The console's read-only role (also seeded with the world) must cover the CRDs on older stacks too.
  await applyAll(
    target,
    rbac().filter((o) => o.kind === "ClusterRole" && o.metadata.name === "spire-console-reader"),
  );
  for (const crd of crdManifests()) {
    await applyObject(target, crd);
    await waitEstablished(target, crd.metadata.name);
  }
  await applyObject(target, {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: CM_NAMESPACE, labels: CM_NAMESPACE_LABELS },
  });
  const accounts = [...new Set(["default", ...CM_PODS.map((p) => p.serviceAccount)])];
  await applyAll(
    target,
    accounts.map((name) => ({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace: CM_NAMESPACE } })),
  );
  const applied = await applyAll(target, pods(now));
  await applyAll(target, [
    ...clusterSpiffeIds(),
    ...clusterStaticEntries(input.trustDomain),
    ...clusterFederatedTrustDomains(input.partner),
  ]);
  return new Map(applied.map((a) => [a.metadata.name, a.metadata.uid]));
}
