import { EntryForm } from "@/components/entries/forms/entry-form";
import { UnknownServer } from "@/components/servers/unknown-server";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { StatePanel } from "@/components/ui/state-panel";
import { userMessage } from "@/lib/api/user-message";
import { requirePage } from "@/lib/auth/guard";
import { localReturnTo } from "@/lib/auth/return-to";
import { loadEntryFormContext } from "@/lib/entries/load-entry-form";
import { links } from "@/lib/links";
import { getServerConfig, pageServerChoice } from "@/lib/servers/resolve-server";

export const metadata = { title: "New entry" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function NewEntryPage({ searchParams }: Props) {
  const choice = await pageServerChoice(searchParams);
  await requirePage();
  if (!choice.ok)
    return (
      <UnknownServer requested={choice.requested} configured={choice.configured} hrefFor={(s) => links.newEntry(s)} />
    );
  const server = choice.name;
  const params = await searchParams;
  let trustDomain: string;
  try {
    ({ trustDomain } = await loadEntryFormContext(getServerConfig(server)));
  } catch (error) {
    return (
      <StatePanel tone="error" title={`Cannot create entries on '${server}'`}>
        {userMessage(error, "preparing the entry form")}
      </StatePanel>
    );
  }
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
