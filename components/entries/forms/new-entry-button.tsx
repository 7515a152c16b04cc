"use client";

import Link from "next/link";

import { useAccess } from "@/components/auth/access-provider";
import { NotAllowed } from "@/components/auth/not-allowed";
import { primaryLinkClass, secondaryLinkClass } from "@/components/ui/button";
import { links, type NewEntryPrefill } from "@/lib/links";

/**
 * "New entry", optionally pre-filled (parent, SPIFFE ID, selectors) — for the list, the tree and
 * agent pages. Shown disabled, with the reason, to users who may not create entries on `server`.
 */
export function NewEntryButton({ server, prefill }: { server: string; prefill?: NewEntryPrefill }) {
  const access = useAccess("entries.write", server);
  if (!access.allowed) return <NotAllowed label="New entry" access={access} id="new-entry-not-allowed" />;
  return (
    <Link href={links.newEntry(server, prefill)} className={primaryLinkClass}>
      New entry
    </Link>
  );
}

/** Link to the import / export / bulk-delete page of `server` (for users who may change entries there). */
export function ImportExportLink({ server }: { server: string }) {
  if (!useAccess("entries.write", server).allowed) return null;
  return (
    <Link href={links.importEntries(server)} className={secondaryLinkClass}>
      Import / export
    </Link>
  );
}
