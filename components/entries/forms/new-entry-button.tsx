import Link from "next/link";

/** "New entry", optionally pre-filled (`?parentId=`, `?spiffeId=`, `?selector=`) — for the list, the tree and agent pages. */
export function NewEntryButton({
  server,
  parentId,
  spiffeId,
  selectors,
}: {
  server: string;
  parentId?: string;
  spiffeId?: string;
  selectors?: string[];
}) {
  const params = new URLSearchParams({ server });
  if (parentId) params.set("parentId", parentId);
  if (spiffeId) params.set("spiffeId", spiffeId);
  for (const s of selectors ?? []) params.append("selector", s);
  return (
    <Link
      href={`/entries/new?${params.toString()}`}
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
      href={`/entries/import?server=${encodeURIComponent(server)}`}
      className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100"
    >
      Import / export
    </Link>
  );
}
