import { secondaryLinkClass } from "@/components/ui/button";
import type { ExportScope } from "@/lib/entries-as-code/types";
import { entriesExportUrl } from "@/lib/query/api";

/**
 * "Export as code": downloads the scope as an EntrySet file (the route answers it as an
 * attachment, so the browser saves it and the page stays). A plain link: no script needed.
 */
export function ExportAsCodeLink({ server, scope, label }: { server: string; scope: ExportScope; label: string }) {
  return (
    <a href={entriesExportUrl(server, scope)} download className={secondaryLinkClass} data-testid="export-as-code">
      {label}
    </a>
  );
}
