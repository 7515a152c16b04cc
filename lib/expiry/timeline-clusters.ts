import type { ExpiryItem, ExpiryKind, Urgency } from "./classify-expiry";

/** Points of one timeline lane drawn as one dot because they are too close to tell apart. */
export type TimelineCluster = { key: string; kind: ExpiryKind; x: number; items: ExpiryItem[]; urgency: Urgency };

const worst: Urgency[] = ["expired", "critical", "warning", "ok"];

/**
 * Groups each lane's points that fall within `minGap` pixels of the group's first point, so a
 * stack of agent SVIDs expiring in the same minute is one dot with a count, not several dots on
 * top of each other that no pointer or keyboard can reach. The dot takes its items' worst urgency.
 */
export function clusterTimeline(
  items: readonly ExpiryItem[],
  x: (time: number) => number,
  minGap = 12,
): TimelineCluster[] {
  const byLane = new Map<ExpiryKind, { x: number; item: ExpiryItem }[]>();
  for (const item of items) {
    const list = byLane.get(item.kind) ?? [];
    list.push({ x: x(Date.parse(item.expiresAt)), item });
    byLane.set(item.kind, list);
  }
  const clusters: TimelineCluster[] = [];
  for (const [kind, points] of byLane) {
    points.sort((a, b) => a.x - b.x);
    let current: TimelineCluster | null = null;
    for (const point of points) {
      if (current && point.x - current.x <= minGap) {
        current.items.push(point.item);
        if (worst.indexOf(point.item.urgency) < worst.indexOf(current.urgency)) current.urgency = point.item.urgency;
      } else {
        current = {
          key: `${kind}-${clusters.length}`,
          kind,
          x: point.x,
          items: [point.item],
          urgency: point.item.urgency,
        };
        clusters.push(current);
      }
    }
  }
  return clusters;
}
