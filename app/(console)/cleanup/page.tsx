import { AccessNote } from "@/components/auth/access-note";
import { CleanupView } from "@/components/cleanup/cleanup-view";
import { links } from "@/lib/links";

import { openServerPage } from "../_components/server-page";

export const metadata = { title: "Clean-up" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CleanupPage({ searchParams }: Props) {
  const page = await openServerPage(searchParams, links.cleanup);
  if (!page.ok) return page.view;
  const { server } = page;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Clean-up</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        Stale data on {server}: orphan entries, entries whose parent agent is banned, gone or long expired, expired
        entries, duplicates under different parents, and agents whose SVID expired long ago. Select what to remove, look
        at the dry run (exactly what will be sent, and what else it affects), then apply it as one batch.
      </p>
      <AccessNote server={server} action="cleanup.apply" what="remove stale data" />
      <CleanupView server={server} />
    </div>
  );
}
