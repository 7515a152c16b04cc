"use client";

import Link from "next/link";

import { useAccess } from "@/components/auth/access-provider";
import { NotAllowed } from "@/components/auth/not-allowed";
import { links, type NewEntryPrefill } from "@/lib/links";

/**
 * "New entry", optionally pre-filled (parent, SPIFFE ID, selectors) — for the list, the tree and
 * agent pages. Shown disabled, with the reason, to users who may not create entries on `server`.
 */
export function NewEntryButton({ server, prefill }: { server: string; prefill?: NewEntryPrefill }) {
  const access = useAccess("entries.write", server);
  if (!access.allowed) return <NotAllowed label="New entry" access={access} id="new-entry-not-allowed" />;
  return (
    <Link
      href={links.newEntry(server, prefill)}
      className="inline-flex h-8 items-center rounded-md bg-sky-700 px-3 text-sm font-medium text-white hover:bg-sky-800"
    >
      New entry
    </Link>
  );
}

/** Link to the import / export / bulk-delete page of `server` (for users who may change entries there). */
export function ImportExportLink({ server }: { server: string }) {
  if (!useAccess("entries.write", server).allowed) return null;
  return (
    <Link
      href={links.importEntries(server)}
      className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100"
    >
      Import / export
    </Link>
  );
}
