import { describe, expect, it } from "vitest";

import type { FederationNode } from "./build-graph";
import { edgePath, layoutNodes, type Point } from "./graph-layout";

// The size and node radius the Federation page draws with (components/federation/federation-graph-svg.tsx).
const W = 720;
const H = 360;
const R = 34;
const LABEL_BELOW = 16;

const nodes = (n: number): FederationNode[] =>
  Array.from({ length: n }, (_, i) => ({ trustDomain: `td-${i}.example.org`, server: null, error: null }));

describe("layoutNodes", () => {
  it("places a single trust domain in the middle", () => {
    expect(layoutNodes(nodes(1), W, H).get("td-0.example.org")).toEqual({ x: W / 2, y: H / 2 });
  });

  it("puts two trust domains side by side on the middle line", () => {
    const p = layoutNodes(nodes(2), W, H);
    const [a, b] = [p.get("td-0.example.org")!, p.get("td-1.example.org")!];
    expect(a.y).toBeCloseTo(H / 2);
    expect(b.y).toBeCloseTo(H / 2);
    expect(a.x).toBeLessThan(W / 2);
    expect(b.x).toBeGreaterThan(W / 2);
  });

  it.each([1, 2, 3, 5, 8, 12])("gives %i trust domains one position each, circles and labels inside the box", (n) => {
    const positions = layoutNodes(nodes(n), W, H);
    expect([...positions.keys()]).toEqual(nodes(n).map((node) => node.trustDomain));
    for (const { x, y } of positions.values()) {
      expect(x - R).toBeGreaterThanOrEqual(0);
      expect(x + R).toBeLessThanOrEqual(W);
      expect(y - R).toBeGreaterThanOrEqual(0);
      expect(y + R + LABEL_BELOW).toBeLessThanOrEqual(H);
    }
  });

  it.each([2, 3, 5, 8])("keeps %i circles apart (no two overlap)", (n) => {
    const points = [...layoutNodes(nodes(n), W, H).values()];
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++)
        expect(Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y)).toBeGreaterThan(2 * R);
  });

  it("is deterministic: the same nodes give the same positions", () => {
    expect(layoutNodes(nodes(6), W, H)).toEqual(layoutNodes(nodes(6), W, H));
  });
});

describe("edgePath", () => {
  const a: Point = { x: 100, y: 180 };
  const b: Point = { x: 500, y: 180 };
  const coords = (d: string) => d.match(/-?\d+(\.\d+)?/g)!.map(Number);

  it("starts at the edge of one circle and ends short of the other (room for the arrow head)", () => {
    const [sx, sy, , , ex, ey] = coords(edgePath(a, b, R).d);
    expect(Math.hypot(sx! - a.x, sy! - a.y)).toBeCloseTo(Math.hypot(R, 8));
    expect(Math.hypot(ex! - b.x, ey! - b.y)).toBeCloseTo(Math.hypot(R + 6, 8));
    expect(edgePath(a, b, R).d).toMatch(/^M .+ Q .+ .+$/);
  });

  it("bends the two directions of a pair to opposite sides, so they do not overlap", () => {
    const there = edgePath(a, b, R).mid;
    const back = edgePath(b, a, R).mid;
    expect(there.y).toBeGreaterThan(a.y);
    expect(back.y).toBeLessThan(a.y);
  });

  it("copes with two points at the same place", () => {
    const { d, mid } = edgePath(a, a, R);
    expect(coords(d).every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(mid.x) && Number.isFinite(mid.y)).toBe(true);
  });
});
