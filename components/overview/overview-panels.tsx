"use client";

import Link from "next/link";

import { SoonestList } from "@/components/expiry/soonest-list";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { StatePanel } from "@/components/ui/state-panel";
import { links } from "@/lib/links";

import { ProblemsList } from "./problems-list";
import { useOverview } from "./use-overview";

/** Problems, nearest expiries and the federation summary across servers; refreshed every 20 s. */
export function OverviewPanels() {
  const query = useOverview();
  if (query.isPending) return <StatePanel tone="loading" title="Looking for problems…" />;
  if (query.isError)
    return (
      <StatePanel tone="error" title="Could not load the overview">
        {query.error.message}
      </StatePanel>
    );
  const { servers, problems, unchecked, federation } = query.data;
  const now = query.dataUpdatedAt; // relative times are relative to when the overview was read
  return (
    <div className="grid gap-4 xl:grid-cols-2 [&>*]:min-w-0">
      <Card className="xl:row-span-2">
        <CardHeader>
          <h2 className="font-semibold">Problems ({problems.length})</h2>
        </CardHeader>
        <CardBody className="space-y-2">
          {unchecked.map((u) => (
            <p key={u} className="rounded-md bg-amber-50 p-2 text-xs text-amber-900">
              Not checked: {u}
            </p>
          ))}
          <ProblemsList problems={problems} now={now} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <h2 className="font-semibold">Nearest expiries</h2>
          <Link href={links.expiry()} className="text-xs text-sky-800 hover:underline">
            timeline
          </Link>
        </CardHeader>
        <CardBody className="space-y-3">
          {servers.map((s) => (
            <section key={s.server}>
              <h3 className="text-xs font-semibold uppercase text-slate-500">{s.server}</h3>
              {s.error ? (
                <p className="text-sm text-red-700">{s.error}</p>
              ) : (
                <SoonestList items={s.nearest} now={now} />
              )}
            </section>
          ))}
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <h2 className="font-semibold">Federation</h2>
          <Link href={links.federation()} className="text-xs text-sky-800 hover:underline">
            graph
          </Link>
        </CardHeader>
        <CardBody>
          {federation.edges.length === 0 ? (
            <p className="text-sm text-slate-500">No federation relationships.</p>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="federation-summary">
              {federation.edges.map((e) => (
                <li key={`${e.server}-${e.to}`} className="flex flex-wrap items-center gap-2">
                  <span className="font-mono text-xs break-all">
                    {e.from} → {e.to}
                  </span>
                  {e.bundlePresent ? (
                    <Badge tone="good">bundle · seq {e.sequenceNumber}</Badge>
                  ) : (
                    <Badge tone="bad">no bundle</Badge>
                  )}
                  <span className="text-xs text-slate-500">{e.entryCount} entries</span>
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
