import { AccessNote } from "@/components/auth/access-note";
import { EntrySetsList } from "@/components/entries-as-code/entry-sets-list";
import { PlanHistory } from "@/components/entries-as-code/plan-history";
import { PlanPanel } from "@/components/entries-as-code/plan-panel";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { links } from "@/lib/links";

import { openServerPage } from "../../_components/server-page";

export const metadata = { title: "Entries as code" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EntriesAsCodePage({ searchParams }: Props) {
  const page = await openServerPage(searchParams, links.entriesAsCode);
  if (!page.ok) return page.view;
  const { server } = page;
  return (
    <div className="space-y-6">
      <Breadcrumbs
        items={[{ label: `Entries of ${server}`, href: links.entries(server) }, { label: "Entries as code" }]}
      />
      <h1 className="text-xl font-semibold">Entries as code · {server}</h1>
      <section aria-labelledby="sets-title" className="space-y-3">
        <h2 id="sets-title" className="text-base font-semibold">
          Watched sets
        </h2>
        <EntrySetsList />
      </section>
      <section aria-labelledby="plan-file-title" className="space-y-3">
        <h2 id="plan-file-title" className="text-base font-semibold">
          Plan a file against {server}
        </h2>
        <AccessNote server={server} action="entries.write" what="apply a plan" />
        <PlanPanel server={server} />
      </section>
      <section aria-labelledby="history-title" className="space-y-3">
        <h2 id="history-title" className="text-base font-semibold">
          Applied plans
        </h2>
        <PlanHistory server={server} />
      </section>
    </div>
  );
}
