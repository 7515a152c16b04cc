import { Suspense } from "react";

import { EntryDetailView } from "@/components/entries/detail/entry-detail-view";
import { EntryActions } from "@/components/entries/forms/entry-actions";
import { UnknownServer } from "@/components/servers/unknown-server";
import { EntryPodsPanel } from "@/components/troubleshoot/entry-pods-panel";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { CopyButton } from "@/components/ui/copy-button";
import { StatePanel } from "@/components/ui/state-panel";
import { ApiError } from "@/lib/api/api-error";
import { requirePage } from "@/lib/auth/guard";
import { type EntryDetail, getEntryDetail } from "@/lib/entries/load-entry-detail";
import { links } from "@/lib/links";
import { getServerConfig, pageServerChoice } from "@/lib/servers/resolve-server";

import { readWithTime } from "../../_components/read-with-time";

export const metadata = { title: "Entry" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EntryPage({ params, searchParams }: Props) {
  const [{ id }, choice] = await Promise.all([params, pageServerChoice(searchParams)]);
  await requirePage();
  if (!choice.ok)
    return (
      <UnknownServer requested={choice.requested} configured={choice.configured} hrefFor={(s) => links.entries(s)} />
    );
  const server = choice.name;
  let detail: EntryDetail | null = null;
  let problem: string | null = null;
  let renderedAt = 0;
  try {
    ({ data: detail, readAt: renderedAt } = await readWithTime(() => getEntryDetail(getServerConfig(server), id)));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    problem = error.message;
  }
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
        {detail ? <EntryActions server={server} entry={detail.entry} writable={detail.writable} /> : null}
      </div>
      {detail ? (
        <EntryDetailView server={server} id={id} initialData={detail} renderedAt={renderedAt} />
      ) : (
        <StatePanel tone="error" title="Could not load this entry">
          {problem}
        </StatePanel>
      )}
      {detail ? (
        <Suspense fallback={null}>
          <EntryPodsPanel server={server} entryId={id} />
        </Suspense>
      ) : null}
    </div>
  );
}
