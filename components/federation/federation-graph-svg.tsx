import type { FederationGraph } from "@/lib/federation/build-graph";
import { edgeKey, edgePath, layoutNodes } from "@/lib/federation/graph-layout";
import { cn } from "@/lib/format/cn";

const W = 720;
const H = 360;
const R = 34;

/** Trust domains as circles, "fetches the bundle of" as arrows (green: bundle held, red: missing). */
export function FederationGraphSvg({ graph }: { graph: FederationGraph }) {
  const positions = layoutNodes(graph.nodes, W, H);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label="Federation graph"
      className="h-auto w-full"
      data-testid="federation-graph"
    >
      <defs>
        {["ok", "bad"].map((tone) => (
          <marker
            key={tone}
            id={`arrow-${tone}`}
            viewBox="0 0 10 10"
            refX="8"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" className={tone === "ok" ? "fill-emerald-700" : "fill-red-700"} />
          </marker>
        ))}
      </defs>
      {graph.edges.map((edge) => {
        const a = positions.get(edge.from);
        const b = positions.get(edge.to);
        if (!a || !b) return null;
        const { d, mid } = edgePath(a, b, R);
        const tone = edge.bundlePresent ? "ok" : "bad";
        return (
          <g
            key={edgeKey(edge)}
            data-testid="federation-edge"
            data-from={edge.from}
            data-to={edge.to}
            data-bundle={edge.bundlePresent ? "present" : "missing"}
          >
            <title>{`${edge.from} fetches ${edge.to}'s bundle from ${edge.bundleEndpointUrl} (${edge.profile}); bundle ${edge.bundlePresent ? `present, seq ${edge.sequenceNumber}` : "missing"}`}</title>
            <path
              d={d}
              fill="none"
              className={tone === "ok" ? "stroke-emerald-700" : "stroke-red-700"}
              strokeWidth={2}
              strokeDasharray={edge.bundlePresent ? undefined : "6 4"}
              markerEnd={`url(#arrow-${tone})`}
            />
            <text x={mid.x} y={mid.y - 6} textAnchor="middle" className="fill-slate-600 text-[10px]">
              {edge.profile} · {edge.bundlePresent ? `seq ${edge.sequenceNumber}` : "no bundle"}
            </text>
          </g>
        );
      })}
      {graph.nodes.map((node) => {
        const p = positions.get(node.trustDomain);
        if (!p) return null;
        return (
          <g key={node.trustDomain} data-testid="federation-node" data-trust-domain={node.trustDomain}>
            <circle
              cx={p.x}
              cy={p.y}
              r={R}
              className={cn(
                node.error ? "fill-red-100" : node.server ? "fill-sky-100" : "fill-slate-100",
                node.error ? "stroke-red-700" : "stroke-sky-700",
              )}
              strokeWidth={1.5}
              strokeDasharray={node.server ? undefined : "4 3"}
            />
            <text x={p.x} y={p.y + 4} textAnchor="middle" className="fill-slate-800 text-[11px] font-semibold">
              {node.server ?? "external"}
            </text>
            <text x={p.x} y={p.y + R + 16} textAnchor="middle" className="fill-slate-700 font-mono text-[11px]">
              {node.trustDomain}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
