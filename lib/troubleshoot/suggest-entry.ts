import type { WorkloadPod } from "@/lib/k8s/types";
import type { Selector } from "@/lib/spire/types";

/** The entry the console suggests for a pod that has none: `/ns/<namespace>/sa/<service account>`, by ns and sa. */
export function suggestEntry(
  pod: Pick<WorkloadPod, "namespace" | "serviceAccount">,
  trustDomain: string,
): { spiffeId: string; selectors: Selector[] } {
  return {
    spiffeId: `spiffe://${trustDomain}/ns/${pod.namespace}/sa/${pod.serviceAccount}`,
    selectors: [
      { type: "k8s", value: `ns:${pod.namespace}` },
      { type: "k8s", value: `sa:${pod.serviceAccount}` },
    ],
  };
}
