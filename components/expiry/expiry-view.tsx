"use client";

import { useQuery } from "@tanstack/react-query";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { StatePanel } from "@/components/ui/state-panel";
import { expiringCountsOnly } from "@/lib/expiry/expiring-words";
import { fetchExpiry } from "@/lib/query/api";
import { expiryKeys } from "@/lib/query/keys";

import { ExpiryTimeline } from "./expiry-timeline";
import { SoonestList } from "./soonest-list";
import { TtlWarnings } from "./ttl-warnings";
import { urgencyColor } from "./urgency";

/** Timeline, soonest expiries and TTL warnings across every server; refreshed every 30 s. */
export function ExpiryView() {
  const query = useQuery({ queryKey: expiryKeys.all, queryFn: () => fetchExpiry(), refetchInterval: 30_000 });
  if (query.isPending) return <StatePanel tone="loading" title="Collecting expiry across servers…" />;
  if (query.isError)
    return (
      <StatePanel tone="error" title="Could not load expiry">
        {query.error.message}
      </StatePanel>
    );
  const { items, servers, ttlWarnings, thresholds } = query.data;
  const now = Date.parse(query.data.now);
  return (
    <div className="space-y-4">
      {servers
        .filter((s) => s.error)
        .map((s) => (
          <StatePanel key={s.server} tone="error" title={`${s.server} could not be read`}>
            {s.error}
          </StatePanel>
        ))}
      <Card>
        <CardHeader>
          <h2 className="font-semibold">Timeline</h2>
          <span className="flex flex-wrap gap-3 text-xs text-slate-600">
            {Object.entries(urgencyColor).map(([name, color]) => (
              <span key={name} className="flex items-center gap-1">
                <svg width="10" height="10" aria-hidden="true">
                  <circle cx="5" cy="5" r="5" fill={color} />
                </svg>
                {name}
              </span>
            ))}
          </span>
        </CardHeader>
        <CardBody className="space-y-3">
          <p className="text-sm text-slate-700" data-testid="expiry-thresholds">
            <span className="font-medium">Critical</span>: less than {thresholds.criticalHours} hours left;{" "}
            <span className="font-medium">warning</span>: less than {thresholds.warningDays} days (config{" "}
            <code className="font-mono text-xs">expiry.criticalHours</code>,{" "}
            <code className="font-mono text-xs">expiry.warningDays</code>). {expiringCountsOnly}
          </p>
          {items.length ? (
            <ExpiryTimeline items={items} now={now} />
          ) : (
            <StatePanel tone="empty" title="Nothing with an expiry time." />
          )}
        </CardBody>
      </Card>
      <div className="grid gap-4 xl:grid-cols-2 [&>*]:min-w-0">
        <Card>
          <CardHeader>
            <h2 className="font-semibold">Most urgent</h2>
            <span className="text-xs text-slate-500">{items.length} items · by urgency, then time left</span>
          </CardHeader>
          <CardBody>
            <SoonestList items={items.slice(0, 25)} now={now} advice />
          </CardBody>
        </Card>
        <Card id="ttl">
          <CardHeader>
            <h2 className="font-semibold">X.509 TTL vs the CA ({ttlWarnings.length})</h2>
          </CardHeader>
          <CardBody className="space-y-2">
            <p className="text-xs text-slate-500">
              SPIRE caps every X509-SVID at the signing CA&apos;s not-after, and rotates to the next CA when the active
              one has lifetime ÷ 6 (at most 7 days) left: only TTLs up to that are guaranteed.
            </p>
            <TtlWarnings warnings={ttlWarnings} />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
