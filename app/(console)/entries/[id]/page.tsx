import { Suspense } from "react";

import { EntryDeleted } from "@/components/entries/detail/entry-deleted";
import { EntryDetailView } from "@/components/entries/detail/entry-detail-view";
import { EntryActions } from "@/components/entries/forms/entry-actions";
import { ExportAsCodeLink } from "@/components/entries-as-code/export-as-code-link";
import { EntryPodsPanel } from "@/components/troubleshoot/entry-pods-panel";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { CopyButton } from "@/components/ui/copy-button";
import { getEntryDeletion } from "@/lib/entries/load-entry-deletion";
import { getEntryDetail } from "@/lib/entries/load-entry-detail";
import { links } from "@/lib/links";

import { loadPagePart, PartProblem } from "../../_components/page-part";
import { openServerPage } from "../../_components/server-page";

export const metadata = { title: "Entry" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EntryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const page = await openServerPage(searchParams, links.entries);
  if (!page.ok) return page.view;
  const { server, config, principal } = page;
  const part = await loadPagePart(principal, "reading the entry", () => getEntryDetail(config, id));
  const detail = part.ok ? part.data : null;
  // A deleted entry's URL says who deleted it and when, when the console did.
  const deletion =
    !part.ok && part.code === "not_found"
      ? await loadPagePart(principal, "reading the entry's history", () => getEntryDeletion(config, id))
      : null;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <Breadcrumbs items={[{ label: `Entries of ${server}`, href: links.entries(server) }, { label: "Entry" }]} />
          <div className="flex items-center gap-1">
            <h1 className="min-w-0 font-mono text-lg font-semibold break-all">{detail?.entry.spiffeId ?? id}</h1>
            {detail ? <CopyButton value={detail.entry.spiffeId} label="SPIFFE ID" /> : null}
          </div>
        </div>
        {detail ? (
          <div className="flex flex-wrap items-center gap-2">
            <ExportAsCodeLink
              server={server}
              scope={{ parentId: detail.entry.spiffeId }}
              label="Export subtree as code"
            />
            <EntryActions server={server} entry={detail.entry} writable={detail.writable} />
          </div>
        ) : null}
      </div>
      {part.ok ? (
        <EntryDetailView server={server} id={id} initialData={part.data} renderedAt={part.readAt} />
      ) : deletion?.ok && deletion.data ? (
        <EntryDeleted deletion={deletion.data} now={deletion.readAt} />
      ) : (
        <PartProblem title="Could not load this entry" part={part} />
      )}
      {detail ? (
        <Suspense fallback={null}>
          <EntryPodsPanel server={server} entryId={id} />
        </Suspense>
      ) : null}
    </div>
  );
}
