import { AccessNote } from "@/components/auth/access-note";
import { FederationView } from "@/components/federation/federation-view";
import { links } from "@/lib/links";

import { openServerPage } from "../_components/server-page";

export const metadata = { title: "Federation" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FederationPage({ searchParams }: Props) {
  const page = await openServerPage(searchParams, links.federation);
  if (!page.ok) return page.view;
  const { server } = page;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Federation</h1>
      <AccessNote server={server} action="federation.refresh" what="refresh federated bundles" />
      <FederationView server={server} />
    </div>
  );
}
