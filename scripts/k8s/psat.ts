// Service-account tokens for the k8s_psat SPIRE agents: TokenRequest API, audience
// spire-server, bound to the agent's spire-agent pod (so TokenReview names pod and node).
import type { KubeTarget } from "./kube-http.ts";
import { kubeRequest } from "./kube-http.ts";
import { AGENT_AUDIENCE, SPIRE_NAMESPACE } from "./topology.ts";

/** Requests a pod-bound token for the spire-agent service account. */
export async function requestAgentToken(
  target: KubeTarget,
  pod: { name: string; uid: string },
  expirationSeconds = 3600,
  namespace = SPIRE_NAMESPACE,
): Promise<string> {
  const response = await kubeRequest<{ status: { token: string } }>(
    target,
    "POST",
    `/api/v1/namespaces/${namespace}/serviceaccounts/spire-agent/token`,
    {
      apiVersion: "authentication.k8s.io/v1",
      kind: "TokenRequest",
      spec: {
        audiences: [AGENT_AUDIENCE],
        expirationSeconds,
        boundObjectRef: { apiVersion: "v1", kind: "Pod", name: pod.name, uid: pod.uid },
      },
    },
  );
  return response.status.token;
}
