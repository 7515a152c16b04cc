import { StatePanel } from "@/components/ui/state-panel";

/** What the Kubernetes page shows without a cluster connection, and how to add one. */
export function K8sNotConfigured({ message }: { message: string }) {
  return (
    <StatePanel tone="empty" title="Kubernetes is not configured">
      <p>{message}</p>
      <pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-2 text-xs text-slate-800">{`kubernetes:
  kubeconfig: /path/to/kubeconfig   # or set KUBECONFIG
  namespace: spire                  # where spire-agent and spiffe-csi-driver run`}</pre>
    </StatePanel>
  );
}
