import { secondaryLinkClass } from "@/components/ui/button";
import type { ExportScope } from "@/lib/entries-as-code/types";

/** The export route's URL for a scope, as an EntrySet YAML file (core's `GET …/entries/export`). */
export function exportAsCodeUrl(server: string, scope: ExportScope): string {
  const params = new URLSearchParams({ format: "console" });
  if (scope.spiffeIdPrefix) params.set("spiffeIdPrefix", scope.spiffeIdPrefix);
  if (scope.parentId) params.set("parentId", scope.parentId);
  if (scope.ids?.length) params.set("ids", scope.ids.join(","));
  return `/api/servers/${encodeURIComponent(server)}/entries/export?${params.toString()}`;
}

/**
 * "Export as code": downloads the scope as an EntrySet file (the route answers it as an
 * attachment, so the browser saves it and the page stays). A plain link: no script needed.
 */
export function ExportAsCodeLink({ server, scope, label }: { server: string; scope: ExportScope; label: string }) {
  return (
    <a href={exportAsCodeUrl(server, scope)} download className={secondaryLinkClass} data-testid="export-as-code">
      {label}
    </a>
  );
}
