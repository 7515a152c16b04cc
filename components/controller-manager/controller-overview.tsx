import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { selectorText } from "@/lib/controller-manager/label-selector";
import type { ControllerOverview } from "@/lib/controller-manager/load-controller-manager";
import { links } from "@/lib/links";

import { StatsList } from "./stats-cell";

function SpiffeIds({ overview }: { overview: ControllerOverview }) {
  return (
    <Table frameClassName="relative" caption="ClusterSPIFFEIDs" data-testid="cluster-spiffe-ids">
      <TableHeader>
        <TableRow>
          <TableHead>Name and template</TableHead>
          <TableHead>Selectors</TableHead>
          <TableHead>Status (controller)</TableHead>
          <TableHead>Console&apos;s evaluation</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {overview.spiffeIds.map(({ object, podsSelected, entries, gaps }) => (
          <TableRow key={object.name} data-testid="cluster-spiffe-id" data-name={object.name}>
            <TableCell>
              <Link
                href={links.clusterSpiffeId(object.name, overview.cluster)}
                className="font-medium text-sky-800 hover:underline"
              >
                {object.name}
              </Link>
              <div className="break-all font-mono text-xs text-slate-700">{object.spec.spiffeIDTemplate}</div>
            </TableCell>
            <TableCell className="font-mono text-xs">
              <div>namespaces: {selectorText(object.spec.namespaceSelector) || "all"}</div>
              <div>pods: {selectorText(object.spec.podSelector) || "all"}</div>
            </TableCell>
            <TableCell>
              <StatsList stats={object.stats} />
            </TableCell>
            <TableCell className="text-sm">
              {podsSelected} pods selected, {entries} entries in SPIRE{" "}
              {gaps ? (
                <Badge tone="bad" data-testid="evaluation-gaps">
                  {gaps} gap(s)
                </Badge>
              ) : (
                <Badge tone="good" data-testid="evaluation-gaps">
                  no gaps
                </Badge>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function StaticEntries({ overview }: { overview: ControllerOverview }) {
  return (
    <Table frameClassName="relative" caption="ClusterStaticEntries" data-testid="cluster-static-entries">
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Entry</TableHead>
          <TableHead>Status (controller)</TableHead>
          <TableHead>In SPIRE</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {overview.staticEntries.map(({ object, entryId }) => (
          <TableRow key={object.name} data-testid="cluster-static-entry" data-name={object.name}>
            <TableCell className="font-medium">{object.name}</TableCell>
            <TableCell className="break-all font-mono text-xs">
              {object.spec.spiffeID}
              <div className="text-slate-600">
                parent {object.spec.parentID} · {object.spec.selectors.join(", ")}
              </div>
            </TableCell>
            <TableCell className="text-xs">
              {object.status
                ? `rendered: ${object.status.rendered ? "yes" : "no"}, masked: ${object.status.masked ? "yes" : "no"}, set: ${object.status.set ? "yes" : "no"}`
                : "no status yet"}
            </TableCell>
            <TableCell>
              {entryId ? (
                <Link
                  href={links.entry(overview.server, entryId)}
                  className="font-mono text-xs text-sky-800 hover:underline"
                >
                  {entryId}
                </Link>
              ) : (
                <Badge tone="bad">missing</Badge>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const relationshipText = {
  same: ["good", "relationship with the same endpoint"],
  different: ["warn", "relationship with another endpoint"],
  missing: ["bad", "no relationship"],
  unknown: ["neutral", "could not read"],
} as const;

function Federated({ overview }: { overview: ControllerOverview }) {
  return (
    <Table
      frameClassName="relative"
      caption="ClusterFederatedTrustDomains"
      data-testid="cluster-federated-trust-domains"
    >
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Trust domain and endpoint</TableHead>
          <TableHead>In SPIRE ({overview.server})</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {overview.federatedTrustDomains.map(({ object, relationship }) => (
          <TableRow key={object.name} data-testid="cluster-federated-trust-domain" data-name={object.name}>
            <TableCell className="font-medium">{object.name}</TableCell>
            <TableCell className="break-all font-mono text-xs">
              {object.spec.trustDomain}
              <div className="text-slate-600">
                {object.spec.bundleEndpointURL} ({object.spec.profile}
                {object.spec.endpointSpiffeId ? `, ${object.spec.endpointSpiffeId}` : ""})
              </div>
            </TableCell>
            <TableCell>
              <Badge tone={relationshipText[relationship][0]}>{relationshipText[relationship][1]}</Badge>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Every spire-controller-manager object of the cluster with its status and what SPIRE holds for it. */
export function ControllerOverviewView({ overview }: { overview: ControllerOverview }) {
  const sections = [
    ["ClusterSPIFFEIDs", overview.spiffeIds.length, <SpiffeIds key="s" overview={overview} />],
    ["ClusterStaticEntries", overview.staticEntries.length, <StaticEntries key="e" overview={overview} />],
    ["ClusterFederatedTrustDomains", overview.federatedTrustDomains.length, <Federated key="f" overview={overview} />],
  ] as const;
  return (
    <div className="space-y-4">
      {sections.map(([title, count, table]) => (
        <Card key={title}>
          <CardHeader>
            <h2 className="text-sm font-semibold">
              {title} ({count})
            </h2>
          </CardHeader>
          <CardBody>{count ? table : <p className="text-sm text-slate-600">None in the cluster.</p>}</CardBody>
        </Card>
      ))}
    </div>
  );
}
