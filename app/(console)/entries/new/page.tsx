import { EntryForm } from "@/components/entries/forms/entry-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { localReturnTo } from "@/lib/auth/return-to";
import { loadEntryFormContext } from "@/lib/entries/load-entry-form";
import { links } from "@/lib/links";

import { loadPagePart, PartProblem } from "../../_components/page-part";
import { openServerPage } from "../../_components/server-page";

export const metadata = { title: "New entry" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function NewEntryPage({ searchParams }: Props) {
  const page = await openServerPage(searchParams, links.newEntry);
  if (!page.ok) return page.view;
  const { server, config, principal } = page;
  const params = await searchParams;
  const form = await loadPagePart(principal, "preparing the entry form", () => loadEntryFormContext(config));
  if (!form.ok) return <PartProblem title={`Cannot create entries on '${server}'`} part={form} />;
  const { trustDomain } = form.data;
  const selector = params.selector;
  return (
    <div className="space-y-4">
      <Breadcrumbs items={[{ label: `Entries of ${server}`, href: links.entries(server) }, { label: "New entry" }]} />
      <h1 className="text-xl font-semibold">New entry on {server}</h1>
      <EntryForm
        mode="create"
        server={server}
        trustDomain={trustDomain}
        returnTo={localReturnTo(one(params.returnTo))}
        prefill={{
          parentId: one(params.parentId),
          spiffeId: one(params.spiffeId),
          selectors: selector === undefined ? [] : [selector].flat(),
        }}
      />
    </div>
  );
}
