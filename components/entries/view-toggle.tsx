import Link from "next/link";

import { cn } from "@/lib/format/cn";
import { links, queryFromParams } from "@/lib/links";

/** Tree / table switch of the entries page, kept in `?view=` so a view can be shared. */
export function EntryViewToggle({
  server,
  view,
  params,
}: {
  server: string;
  view: "tree" | "table";
  params: URLSearchParams;
}) {
  const { server: _server, view: _view, ...filters } = queryFromParams(params);
  const href = (target: "tree" | "table") =>
    links.entries(server, { ...filters, view: target === "table" ? "table" : undefined });
  return (
    <nav aria-label="Entry view" className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
      {(["tree", "table"] as const).map((target) => (
        <Link
          key={target}
          href={href(target)}
          aria-current={view === target ? "page" : undefined}
          className={cn(
            "rounded px-3 py-1",
            view === target ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-100",
          )}
        >
          {target === "tree" ? "Tree" : "Table"}
        </Link>
      ))}
    </nav>
  );
}
