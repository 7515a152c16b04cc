import { StatePanel } from "@/components/ui/state-panel";

export default function Loading() {
  return <StatePanel tone="loading" title="Reading the cluster…" />;
}
