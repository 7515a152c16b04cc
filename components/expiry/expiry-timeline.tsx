"use client";

import { useState } from "react";

import type { ExpiryItem, ExpiryKind } from "@/lib/expiry/classify-expiry";
import { clusterTimeline, type TimelineCluster } from "@/lib/expiry/timeline-clusters";
import { makeTimeScale, timelineTicks } from "@/lib/expiry/timeline-scale";
import { formatRelative } from "@/lib/format/time";

import { SoonestList } from "./soonest-list";
import { kindLabel, urgencyColor } from "./urgency";

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

function describe(cluster: TimelineCluster, now: number): string {
  const first = cluster.items[0]!;
  const n = cluster.items.length;
  const what =
    n === 1 ? `${kindLabel[first.kind]} ${first.label}` : `${n} ${lanes.find((l) => l.kind === cluster.kind)?.label}`;
  return `${what}, ${cluster.urgency}, ${n === 1 ? "expires" : "the first expires"} ${formatRelative(first.expiresAt, now)}`;
}

/**
 * One SVG timeline: a lane per kind, a dot per expiry, coloured by urgency. Points too close to
 * tell apart are one dot with a count; every dot is a button (pointer and keyboard) that lists
 * its items below the timeline.
 */
export function ExpiryTimeline({ items, now }: { items: ExpiryItem[]; now: number }) {
  const [selected, setSelected] = useState<string | null>(null);
  const end = Math.max(now + 7 * 86_400_000, ...items.map((i) => Date.parse(i.expiresAt))) + 3_600_000;
  const x = makeTimeScale(now, end, LEFT, W - 20);
  const height = lanes.length * LANE + 30;
  const clusters = clusterTimeline(items, x);
  const chosen = clusters.find((c) => c.key === selected) ?? null;
  return (
    <div className="space-y-3">
      <svg
        viewBox={`0 0 ${W} ${height}`}
        role="group"
        aria-label="Expiry timeline: choose a point to list what expires there"
        className="h-auto w-full"
        data-testid="expiry-timeline"
      >
        {timelineTicks(now, end).map((tick) => (
          <g key={tick.label} aria-hidden="true">
            <line
              x1={x(tick.at)}
              x2={x(tick.at)}
              y1={0}
              y2={height - 20}
              className={tick.label === "now" ? "stroke-slate-900" : "stroke-slate-200"}
            />
            <text x={x(tick.at)} y={height - 6} textAnchor="middle" className="fill-slate-600 text-[10px]">
              {tick.label}
            </text>
          </g>
        ))}
        {lanes.map((lane, i) => (
          <g key={lane.kind} transform={`translate(0 ${i * LANE})`}>
            <text x={8} y={LANE / 2 + 4} className="fill-slate-700 text-[11px]" aria-hidden="true">
              {lane.label}
            </text>
            <line
              x1={LEFT}
              x2={W - 20}
              y1={LANE / 2}
              y2={LANE / 2}
              className="stroke-slate-100"
              strokeWidth={10}
              aria-hidden="true"
            />
            {clusters
              .filter((c) => c.kind === lane.kind)
              .map((c) => (
                <g
                  key={c.key}
                  role="button"
                  tabIndex={0}
                  aria-label={describe(c, now)}
                  aria-pressed={selected === c.key}
                  data-testid="timeline-point"
                  data-count={c.items.length}
                  className="cursor-pointer outline-none [&:focus-visible>circle]:stroke-sky-600 [&:focus-visible>circle]:stroke-[3]"
                  onClick={() => setSelected(selected === c.key ? null : c.key)}
                  onKeyDown={(event) => {
                    if (event.key !== "Enter" && event.key !== " ") return;
                    event.preventDefault();
                    setSelected(selected === c.key ? null : c.key);
                  }}
                >
                  <circle
                    cx={c.x}
                    cy={LANE / 2}
                    r={c.items.length > 1 ? 9 : 6}
                    fill={urgencyColor[c.urgency]}
                    className={selected === c.key ? "stroke-slate-900" : "stroke-white"}
                    strokeWidth={2}
                  />
                  {c.items.length > 1 ? (
                    <text
                      x={c.x}
                      y={LANE / 2 + 3.5}
                      textAnchor="middle"
                      className="pointer-events-none fill-white text-[10px] font-semibold"
                    >
                      {c.items.length}
                    </text>
                  ) : null}
                </g>
              ))}
          </g>
        ))}
      </svg>
      {chosen ? (
        <section
          aria-label="Items at the chosen point"
          data-testid="timeline-selection"
          className="rounded-md border border-slate-200 p-3"
        >
          <h3 className="text-sm font-semibold">
            {chosen.items.length === 1 ? "1 item" : `${chosen.items.length} items`} at this point
          </h3>
          <SoonestList items={chosen.items} now={now} />
        </section>
      ) : (
        <p className="text-xs text-slate-600">Choose a point (click, or Tab and Enter) to list what expires there.</p>
      )}
    </div>
  );
}
