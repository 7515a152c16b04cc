import { psatNodeOf } from "@/lib/kubernetes/node-matrix";
import type { Agent } from "@/lib/spire/types";

/**
 * The Kubernetes cluster an agent runs in, by its k8s_psat attestation: the `cluster` selector,
 * else the cluster in its SPIFFE ID (spiffe://<td>/spire/agent/k8s_psat/<cluster>/<node uid>);
 * null for agents attested otherwise.
 */
export function agentCluster(agent: Pick<Agent, "spiffeId" | "attestationType" | "selectors">): string | null {
  if (agent.attestationType !== "k8s_psat") return null;
  return (
    psatNodeOf({ ...agent, x509SvidExpiresAt: null, banned: false })?.cluster ??
    /^spiffe:\/\/[^/]+\/spire\/agent\/k8s_psat\/([^/]+)\//.exec(agent.spiffeId)?.[1] ??
    null
  );
}
