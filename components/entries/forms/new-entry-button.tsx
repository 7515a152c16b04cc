import Link from "next/link";

import { links, type NewEntryPrefill } from "@/lib/links";

/** "New entry", optionally pre-filled (parent, SPIFFE ID, selectors) — for the list, the tree and agent pages. */
export function NewEntryButton({ server, prefill }: { server: string; prefill?: NewEntryPrefill }) {
  return (
    <Link
      href={links.newEntry(server, prefill)}
      className="inline-flex h-8 items-center rounded-md bg-sky-700 px-3 text-sm font-medium text-white hover:bg-sky-800"
    >
      New entry
    </Link>
  );
}

/** Link to the import / export / bulk-delete page of `server`. */
export function ImportExportLink({ server }: { server: string }) {
  return (
    <Link
      href={links.importEntries(server)}
      className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100"
    >
      Import / export
    </Link>
  );
}
