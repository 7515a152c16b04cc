"use client";

import Link from "next/link";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { StatePanel } from "@/components/ui/state-panel";
import { links } from "@/lib/links";

import { FederationGraphSvg } from "./federation-graph-svg";
import { FederationTable } from "./federation-table";
import { ServerPlacements } from "./server-placements";
import { useFederationGraph } from "./use-federation-graph";

/** The graph across all servers beside the selected server's relationship table, plus the flags. */
export function FederationView({ server }: { server: string }) {
  const query = useFederationGraph();
  if (query.isPending) return <StatePanel tone="loading" title="Loading federation across servers…" />;
  if (query.isError)
    return (
      <StatePanel tone="error" title="Could not load federation">
        {query.error.message}
      </StatePanel>
    );
  const graph = query.data;
  const edges = graph.edges.filter((e) => e.server === server);
  const down = graph.nodes.filter((n) => n.error);
  return (
    <div className="space-y-4">
      {down.map((n) => (
        <StatePanel key={n.trustDomain} tone="error" title={`${n.server} could not be read`}>
          {n.error}
        </StatePanel>
      ))}
      <div className="grid gap-4 2xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Card>
          <CardHeader>
            <h2 className="font-semibold">Trust domains</h2>
            <span className="text-xs text-slate-500">arrow: fetches the bundle of</span>
          </CardHeader>
          <CardBody>
            {graph.nodes.length ? (
              <>
                <FederationGraphSvg graph={graph} />
                <ServerPlacements nodes={graph.nodes} />
              </>
            ) : (
              <StatePanel tone="empty" title="No trust domains." />
            )}
          </CardBody>
        </Card>
        <div className="space-y-2">
          <h2 className="font-semibold">Relationships of {server}</h2>
          {edges.length ? (
            <FederationTable server={server} edges={edges} now={query.dataUpdatedAt} />
          ) : (
            <StatePanel tone="empty" title="This server federates with no other trust domain." />
          )}
        </div>
      </div>
      <Card>
        <CardHeader>
          <h2 className="font-semibold">Flags ({graph.flags.length})</h2>
        </CardHeader>
        <CardBody>
          {graph.flags.length === 0 ? (
            <p className="text-sm text-slate-500">
              Every relationship has its bundle, and every federatesWith names a domain with a bundle.
            </p>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="federation-flags">
              {graph.flags.map((flag) => (
                <li key={`${flag.kind}:${flag.server}:${flag.trustDomain}`}>
                  {flag.message}{" "}
                  {flag.entryCount ? (
                    <Link
                      className="text-sky-800 hover:underline"
                      href={links.entries(flag.server, { view: "table", federatesWith: flag.trustDomain })}
                    >
                      show entries
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
