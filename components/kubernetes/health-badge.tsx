import { Badge } from "@/components/ui/badge";

/** "Healthy" / a problem word as a colored badge. */
export function HealthBadge({ healthy, bad = "Unhealthy" }: { healthy: boolean; bad?: string }) {
  return <Badge tone={healthy ? "good" : "bad"}>{healthy ? "Healthy" : bad}</Badge>;
}
