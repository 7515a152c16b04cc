import { NotBuiltYet } from "@/components/layout/not-built-yet";

export const metadata = { title: "Kubernetes" };

export default function KubernetesPage() {
  return <NotBuiltYet title="Kubernetes" what="It will show spire-server, spire-agent and SPIFFE CSI driver health per node." />;
}
