import Link from "next/link";
import { Suspense } from "react";

import { EntryDetailView } from "@/components/entries/detail/entry-detail-view";
import { EntryActions } from "@/components/entries/forms/entry-actions";
import { EntryPodsPanel } from "@/components/troubleshoot/entry-pods-panel";
import { StatePanel } from "@/components/ui/state-panel";
import { ApiError } from "@/lib/api/api-error";
import { requirePage } from "@/lib/auth/guard";
import { type EntryDetail, getEntryDetail } from "@/lib/entries/load-entry-detail";
import { links } from "@/lib/links";
import { selectedServerName } from "@/lib/servers/resolve-server";
import { getServerConfig } from "@/lib/servers/resolve-server";

import { readWithTime } from "../../_components/read-with-time";

export const metadata = { title: "Entry" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EntryPage({ params, searchParams }: Props) {
  const [{ id }, server] = await Promise.all([params, selectedServerName(searchParams)]);
  await requirePage();
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
      <div className="flex items-center justify-between gap-3">
        <div>
          <Link href={links.entries(server)} className="text-sm text-sky-800 hover:underline">
            ← Entries of {server}
          </Link>
          <h1 className="break-all font-mono text-lg font-semibold">{detail?.entry.spiffeId ?? id}</h1>
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
