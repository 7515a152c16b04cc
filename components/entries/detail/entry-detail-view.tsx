"use client";

import { useQuery } from "@tanstack/react-query";

import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { SpiffeId } from "@/components/ui/spiffe-id";
import { StatePanel } from "@/components/ui/state-panel";
import { Tabs } from "@/components/ui/tabs";
import { entryCreateCommand } from "@/lib/entries/cli-command";
import type { EntryDetail } from "@/lib/entries/load-entry-detail";
import { links } from "@/lib/links";
import { fetchEntryDetail } from "@/lib/query/api";
import { entryTreeKeys } from "@/lib/query/keys";

import { ControllerOwnerNote } from "../controller-owner-note";
import { EntryFields } from "./entry-fields";
import { EntryHistory } from "./entry-history";
import { ParentChain } from "./parent-chain";

/** An entry's fields, parent chain, children and the CLI command that recreates it; refreshed every 15 s. */
export function EntryDetailView(props: { server: string; id: string; initialData: EntryDetail; renderedAt: number }) {
  const { server, id } = props;
  const query = useQuery({
    queryKey: entryTreeKeys.detail(server, id),
    queryFn: () => fetchEntryDetail(server, id),
    initialData: props.initialData,
    // The server's read time, so relative times render the same on the server and in the browser.
    initialDataUpdatedAt: props.renderedAt,
    refetchInterval: 15_000,
  });
  if (!query.data)
    return (
      <StatePanel tone="error" title="Could not load this entry">
        {query.error?.message}
      </StatePanel>
    );
  const { entry, chain, children, childTotal, orphanReason, covers } = query.data;
  const details = (
    <div className="grid gap-4 xl:grid-cols-2">
      <div className="xl:col-span-2">
        <ControllerOwnerNote server={server} id={id} mode="detail" />
      </div>
      {query.error ? (
        <div className="xl:col-span-2">
          <StatePanel tone="error" title="Refreshing failed; showing the last known state">
            {query.error.message}
          </StatePanel>
        </div>
      ) : null}
      <Card>
        <CardHeader>
          <h2 className="font-semibold">Fields</h2>
          {orphanReason ? <Badge tone="warn">orphan: {orphanReason}</Badge> : null}
        </CardHeader>
        <CardBody>
          <EntryFields entry={entry} now={query.dataUpdatedAt} />
        </CardBody>
      </Card>
      <div className="space-y-4">
        <Card>
          <CardHeader>
            <h2 className="font-semibold">Parent chain</h2>
          </CardHeader>
          <CardBody>
            <ParentChain chain={chain} server={server} self={entry.spiffeId} />
          </CardBody>
        </Card>
        {covers.length ? (
          <Card>
            <CardHeader>
              <h2 className="font-semibold">Node alias covers {covers.length} agents</h2>
            </CardHeader>
            <CardBody>
              <ul className="space-y-1">
                {covers.map((a) => (
                  <li key={a} className="flex min-w-0">
                    <SpiffeId value={a} href={links.agent(server, a)} className="text-xs" />
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        ) : null}
        <Card>
          <CardHeader>
            <h2 className="font-semibold">Children ({childTotal})</h2>
          </CardHeader>
          <CardBody>
            {children.length === 0 ? (
              <p className="text-sm text-slate-500">No entry is parented to this SPIFFE ID.</p>
            ) : (
              <ul className="space-y-1" data-testid="entry-children">
                {children.map((child) => (
                  <li key={child.key} className="flex min-w-0 items-center gap-2">
                    <SpiffeId
                      value={child.spiffeId}
                      href={child.entryId ? links.entry(server, child.entryId) : undefined}
                      className="text-xs"
                    />
                    {child.subtreeCount ? (
                      <span className="shrink-0 text-xs text-slate-500">+{child.subtreeCount} below</span>
                    ) : null}
                  </li>
                ))}
                {childTotal > children.length ? (
                  <li className="text-xs text-slate-500">…and {childTotal - children.length} more (see the tree)</li>
                ) : null}
              </ul>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <h2 className="font-semibold">Equivalent CLI command</h2>
          </CardHeader>
          <CardBody>
            <CodeBlock data-testid="entry-cli" wrap copyText={entryCreateCommand(entry)} copyLabel="command">
              {entryCreateCommand(entry)}
            </CodeBlock>
          </CardBody>
        </Card>
      </div>
    </div>
  );
  return (
    <Tabs
      label="Entry"
      param="tab"
      tabs={[
        { id: "details", title: "Details", content: details },
        { id: "history", title: "History", content: <EntryHistory server={server} entry={entry} /> },
      ]}
    />
  );
}
