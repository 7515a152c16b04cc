import "server-only";

import { allows } from "@/lib/auth/guard";
import { controllerState } from "@/lib/controller-manager/entry-owner";
import { evaluateClusterSpiffeId } from "@/lib/controller-manager/evaluate";

import type { ControllerFacts } from "./diagnose-workload";

/**
 * What spire-controller-manager does for one pod of `server`: which ClusterSPIFFEID renders each
 * entry, and those that select the pod but cannot render its SPIFFE ID. Undefined when the user
 * may not read Kubernetes, the CRDs are not installed, the cluster serves another server, or the
 * cluster cannot be read (the diagnosis then goes by the entries' shape alone).
 */
export async function loadControllerFacts(server: string, podUid: string): Promise<ControllerFacts | undefined> {
  try {
    if (!(await allows("kubernetes.read"))) return undefined;
    const state = await controllerState();
    if (!state.installed || state.server !== server) return undefined;
    const facts: ControllerFacts = { owners: {}, renderFailures: [] };
    for (const object of state.spiffeIds) {
      const evaluation = evaluateClusterSpiffeId(object, state.world);
      for (const id of evaluation.entryIds) facts.owners[id] ??= `ClusterSPIFFEID ${object.name}`;
      for (const gap of evaluation.gaps) {
        if (gap.kind === "render-failure" && gap.pod.uid === podUid)
          facts.renderFailures.push({ object: object.name, gap });
      }
    }
    return facts;
  } catch (error) {
    console.error("[troubleshoot] cannot read spire-controller-manager's objects", error);
    return undefined;
  }
}
