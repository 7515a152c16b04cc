import { AccessNote } from "@/components/auth/access-note";
import { FederationView } from "@/components/federation/federation-view";
import { requirePage } from "@/lib/auth/guard";
import { selectedServerName } from "@/lib/servers/resolve-server";

export const metadata = { title: "Federation" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FederationPage({ searchParams }: Props) {
  const server = await selectedServerName(searchParams);
  await requirePage();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Federation</h1>
      <AccessNote server={server} action="federation.refresh" what="refresh federated bundles" />
      <FederationView server={server} />
    </div>
  );
}
