// Pods for the attestation troubleshooter (issue 7), in namespace `troubleshoot`: one that
// gets its SVID and one per failure the troubleshooter must explain. Their SPIRE entries are
// seeded by scripts/stack/seed-troubleshoot.ts. Every pod runs on demo-node-1 (healthy CSI
// driver) except the one on a node that has no SPIRE agent.
import { applyAll } from "./apply.ts";
import type { KubeTarget } from "./kube-http.ts";
import type { SeedObject } from "./seed-types.ts";
import { NODES } from "./topology.ts";
import { pod } from "./world-pods.ts";

export const TROUBLESHOOT_NAMESPACE = "troubleshoot";
/**
 * A node name with no Node object and so no k8s_psat agent (a fourth real Node would change the
 * node matrix the Kubernetes tests pin).
 */
export const AGENTLESS_NODE = "demo-node-4";

export type TroubleshootCase =
  "works" | "no-entry" | "wrong-ns" | "wrong-sa" | "stale-node" | "alias" | "no-csi" | "federated" | "no-agent";

export interface TroubleshootPod {
  case: TroubleshootCase;
  name: string;
  serviceAccount: string;
  node: string;
  csi: boolean;
}

const P = (c: TroubleshootCase, suffix: string, extra: Partial<TroubleshootPod> = {}): TroubleshootPod => ({
  case: c,
  name: `ts-${c}-${suffix}`,
  serviceAccount: `ts-${c}`,
  node: NODES[0]!.name,
  csi: true,
  ...extra,
});

export const TROUBLESHOOT_PODS: readonly TroubleshootPod[] = [
  P("works", "7c9d4"),
  P("no-entry", "5f2k8"),
  P("wrong-ns", "3h7m2"),
  P("wrong-sa", "8q4w1"),
  P("stale-node", "2n6x9"),
  P("alias", "9d3f7"),
  P("no-csi", "4k8p5", { csi: false }),
  P("federated", "6t1z3"),
  P("no-agent", "1b5r8", { node: AGENTLESS_NODE }),
];

/** The app label / image name of a case's pod. */
export const appOf = (p: TroubleshootPod) => `ts-${p.case}`;

function manifests(now: Date): SeedObject[] {
  const objects: SeedObject[] = [{ apiVersion: "v1", kind: "Namespace", metadata: { name: TROUBLESHOOT_NAMESPACE } }];
  for (const sa of ["default", ...TROUBLESHOOT_PODS.map((p) => p.serviceAccount)]) {
    objects.push({
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: { name: sa, namespace: TROUBLESHOOT_NAMESPACE },
    });
  }
  TROUBLESHOOT_PODS.forEach((p, index) => {
    const node = NODES.find((n) => n.name === p.node);
    const app = appOf(p);
    objects.push(
      pod(
        {
          namespace: TROUBLESHOOT_NAMESPACE,
          name: p.name,
          nodeName: p.node,
          hostIP: node?.ip ?? "10.0.0.14",
          podIP: `10.244.9.${10 + index}`,
          labels: { app },
          spec: {
            serviceAccountName: p.serviceAccount,
            containers: [
              {
                name: app,
                image: `registry.example.com/troubleshoot/${app}:1.0.0`,
                env: p.csi
                  ? [{ name: "SPIFFE_ENDPOINT_SOCKET", value: "unix:///spiffe-workload-api/spire-agent.sock" }]
                  : [],
                volumeMounts: p.csi
                  ? [{ name: "spiffe-workload-api", mountPath: "/spiffe-workload-api", readOnly: true }]
                  : [],
              },
            ],
            volumes: p.csi ? [{ name: "spiffe-workload-api", csi: { driver: "csi.spiffe.io", readOnly: true } }] : [],
          },
          containers: {},
          startedSecondsAgo: 3_600,
        },
        now,
      ),
    );
  });
  return objects;
}

/** Applies the troubleshoot namespace, its service accounts and pods (idempotent). */
export async function seedTroubleshootPods(target: KubeTarget, now = new Date()): Promise<void> {
  const objects = manifests(now);
  for (const kind of ["Namespace", "ServiceAccount", "Pod"])
    await applyAll(
      target,
      objects.filter((o) => o.kind === kind),
    );
}
