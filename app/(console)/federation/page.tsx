import { AccessNote } from "@/components/auth/access-note";
import { FederationView } from "@/components/federation/federation-view";
import { UnknownServer } from "@/components/servers/unknown-server";
import { requirePage } from "@/lib/auth/guard";
import { links } from "@/lib/links";
import { pageServerChoice } from "@/lib/servers/resolve-server";

export const metadata = { title: "Federation" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FederationPage({ searchParams }: Props) {
  const choice = await pageServerChoice(searchParams);
  await requirePage();
  if (!choice.ok)
    return (
      <UnknownServer requested={choice.requested} configured={choice.configured} hrefFor={(s) => links.federation(s)} />
    );
  const server = choice.name;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Federation</h1>
      <AccessNote server={server} action="federation.refresh" what="refresh federated bundles" />
      <FederationView server={server} />
    </div>
  );
}
