import type { ExpiryItem, ExpiryKind } from "@/lib/expiry/classify-expiry";
import { makeTimeScale, timelineTicks } from "@/lib/expiry/timeline-scale";

import { urgencyColor } from "./urgency";

const lanes: { kind: ExpiryKind; label: string }[] = [
  { kind: "x509-authority", label: "X.509 CAs" },
  { kind: "jwt-authority", label: "JWT keys" },
  { kind: "federated-ca", label: "Federated CAs" },
  { kind: "agent-svid", label: "Agent SVIDs" },
  { kind: "entry", label: "Entries" },
];
const W = 960;
const LANE = 36;
const LEFT = 120;

/** One SVG timeline: a lane per kind, a dot per expiry, coloured by urgency. */
export function ExpiryTimeline({ items, now }: { items: ExpiryItem[]; now: number }) {
  const end = Math.max(now + 7 * 86_400_000, ...items.map((i) => Date.parse(i.expiresAt))) + 3_600_000;
  const x = makeTimeScale(now, end, LEFT, W - 20);
  const height = lanes.length * LANE + 30;
  return (
    <svg
      viewBox={`0 0 ${W} ${height}`}
      role="img"
      aria-label="Expiry timeline"
      className="h-auto w-full"
      data-testid="expiry-timeline"
    >
      {timelineTicks(now, end).map((tick) => (
        <g key={tick.label}>
          <line
            x1={x(tick.at)}
            x2={x(tick.at)}
            y1={0}
            y2={height - 20}
            stroke={tick.label === "now" ? "#0f172a" : "#e2e8f0"}
          />
          <text x={x(tick.at)} y={height - 6} textAnchor="middle" className="fill-slate-500 text-[10px]">
            {tick.label}
          </text>
        </g>
      ))}
      {lanes.map((lane, i) => (
        <g key={lane.kind} transform={`translate(0 ${i * LANE})`}>
          <text x={8} y={LANE / 2 + 4} className="fill-slate-700 text-[11px]">
            {lane.label}
          </text>
          <line x1={LEFT} x2={W - 20} y1={LANE / 2} y2={LANE / 2} stroke="#f1f5f9" strokeWidth={10} />
          {items
            .filter((item) => item.kind === lane.kind)
            .map((item, j) => (
              <circle
                key={`${item.server}-${item.label}-${item.detail}-${j}`}
                cx={x(Date.parse(item.expiresAt))}
                cy={LANE / 2}
                r={5}
                fill={urgencyColor[item.urgency]}
                fillOpacity={0.8}
              >
                <title>{`${item.label} (${item.server}) expires ${item.expiresAt}`}</title>
              </circle>
            ))}
        </g>
      ))}
    </svg>
  );
}
