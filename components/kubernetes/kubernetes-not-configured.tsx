import { CodeBlock } from "@/components/ui/code-block";
import { StatePanel } from "@/components/ui/state-panel";

/** What the Kubernetes page shows without a cluster connection, and how to add one. */
export function KubernetesNotConfigured({ message }: { message: string }) {
  return (
    <StatePanel tone="empty" title="Kubernetes is not configured">
      <p>{message}</p>
      <CodeBlock tone="light" className="mt-2 p-2">{`kubernetes:
  kubeconfig: /path/to/kubeconfig   # or set KUBECONFIG
  namespace: spire                  # where spire-agent and spiffe-csi-driver run`}</CodeBlock>
    </StatePanel>
  );
}
