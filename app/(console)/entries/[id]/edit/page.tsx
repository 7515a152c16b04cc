import { ControllerOwnerNote } from "@/components/entries/controller-owner-note";
import { EntryActions } from "@/components/entries/forms/entry-actions";
import { EntryForm } from "@/components/entries/forms/entry-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { StatePanel } from "@/components/ui/state-panel";
import { localReturnTo } from "@/lib/auth/return-to";
import { loadEntryForEdit } from "@/lib/entries/load-entry-form";
import { links } from "@/lib/links";

import { loadPagePart, PartProblem } from "../../../_components/page-part";
import { openServerPage } from "../../../_components/server-page";

export const metadata = { title: "Edit entry" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditEntryPage({ params, searchParams }: Props) {
  const page = await openServerPage(searchParams, links.entries);
  if (!page.ok) return page.view;
  const { server, config, principal } = page;
  const { id } = await params;
  const query = await searchParams;
  const loaded = await loadPagePart(principal, "loading the entry to edit", () => loadEntryForEdit(config, id));
  if (!loaded.ok) return <PartProblem title={`Cannot edit entry ${id} on '${server}'`} part={loaded} />;
  const { entry, trustDomain, writable } = loaded.data;
  return (
    <div className="space-y-4">
      <Breadcrumbs
        items={[
          { label: `Entries of ${server}`, href: links.entries(server) },
          { label: "Entry", href: links.entry(server, entry.id) },
          { label: "Edit" },
        ]}
      />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold">Edit entry</h1>
          <p className="font-mono text-xs break-all text-slate-600">
            {entry.spiffeId} · {entry.id}
          </p>
        </div>
        <EntryActions server={server} entry={entry} showEdit={false} writable={writable} />
      </div>
      <ControllerOwnerNote server={server} id={entry.id} mode="edit" />
      {writable.allowed ? (
        <EntryForm
          mode="edit"
          server={server}
          trustDomain={trustDomain}
          entry={entry}
          proposedParentId={one(query.parentId)}
          returnTo={localReturnTo(one(query.returnTo))}
        />
      ) : (
        <StatePanel tone="error" title="You may not edit this entry">
          {writable.reason}.
        </StatePanel>
      )}
    </div>
  );
}
