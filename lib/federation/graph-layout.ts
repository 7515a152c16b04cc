import type { FederationEdge, FederationNode } from "@/lib/federation/build-graph";

export type Point = { x: number; y: number };

/** Trust domains evenly on a circle (two domains: side by side). */
export function layoutNodes(nodes: readonly FederationNode[], width: number, height: number): Map<string, Point> {
  const cx = width / 2;
  const cy = height / 2;
  const r = Math.min(width, height) / 2 - 70;
  const positions = new Map<string, Point>();
  nodes.forEach((node, i) => {
    const angle = Math.PI + (2 * Math.PI * i) / Math.max(1, nodes.length);
    positions.set(
      node.trustDomain,
      nodes.length === 1 ? { x: cx, y: cy } : { x: cx + Math.cos(angle) * r * 1.4, y: cy + Math.sin(angle) * r },
    );
  });
  return positions;
}

/** A curved path from `a` to `b`, bent to its left so the two directions of a pair do not overlap. */
export function edgePath(a: Point, b: Point, radius: number): { d: string; mid: Point } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const bend = Math.min(60, len / 4);
  const start = { x: a.x + ux * radius - uy * 8, y: a.y + uy * radius + ux * 8 };
  const end = { x: b.x - ux * (radius + 6) - uy * 8, y: b.y - uy * (radius + 6) + ux * 8 };
  const control = { x: (a.x + b.x) / 2 - uy * bend, y: (a.y + b.y) / 2 + ux * bend };
  const mid = {
    x: 0.25 * start.x + 0.5 * control.x + 0.25 * end.x,
    y: 0.25 * start.y + 0.5 * control.y + 0.25 * end.y,
  };
  return { d: `M ${start.x} ${start.y} Q ${control.x} ${control.y} ${end.x} ${end.y}`, mid };
}

export const edgeKey = (edge: FederationEdge) => `${edge.server}:${edge.to}`;
