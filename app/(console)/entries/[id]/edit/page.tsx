import { ControllerOwnerNote } from "@/components/entries/controller-owner-note";
import { EntryActions } from "@/components/entries/forms/entry-actions";
import { EntryForm } from "@/components/entries/forms/entry-form";
import { StatePanel } from "@/components/ui/state-panel";
import { userMessage } from "@/lib/api/user-message";
import type { AccessDecision } from "@/lib/auth/access-map";
import { requirePage } from "@/lib/auth/guard";
import { loadEntryForEdit } from "@/lib/entries/load-entry-form";
import { selectedServerName } from "@/lib/servers/resolve-server";
import { getServerConfig } from "@/lib/servers/resolve-server";
import type { Entry } from "@/lib/spire/types";

export const metadata = { title: "Edit entry" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditEntryPage({ params, searchParams }: Props) {
  const server = await selectedServerName(searchParams);
  await requirePage();
  const { id } = await params;
  let entry: Entry;
  let trustDomain: string;
  let writable: AccessDecision;
  try {
    ({ entry, trustDomain, writable } = await loadEntryForEdit(getServerConfig(server), id));
  } catch (error) {
    return (
      <StatePanel tone="error" title={`Cannot edit entry ${id} on '${server}'`}>
        {userMessage(error, "loading the entry to edit")}
      </StatePanel>
    );
  }
  return (
    <div className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">Edit entry</h1>
          <p className="font-mono text-xs text-slate-500">
            {entry.spiffeId} · {entry.id}
          </p>
        </div>
        <EntryActions server={server} entry={entry} showEdit={false} writable={writable} />
      </div>
      <ControllerOwnerNote server={server} id={entry.id} mode="edit" />
      {writable.allowed ? (
        <EntryForm mode="edit" server={server} trustDomain={trustDomain} entry={entry} />
      ) : (
        <StatePanel tone="error" title="You may not edit this entry">
          {writable.reason}.
        </StatePanel>
      )}
    </div>
  );
}
