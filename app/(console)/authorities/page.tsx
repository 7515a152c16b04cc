import { AccessNote } from "@/components/auth/access-note";
import { RotationCockpit } from "@/components/authorities/rotation-cockpit";
import { requirePage } from "@/lib/auth/guard";
import { selectedServerName } from "@/lib/servers/resolve-server";

export const metadata = { title: "Authorities" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuthoritiesPage({ searchParams }: Props) {
  const server = await selectedServerName(searchParams);
  await requirePage();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Authorities</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        Rotate {server}&apos;s signing authorities without an outage: prepare a new one, wait until every copy of the
        bundle holds it, activate it, taint the old one so everything it signed is replaced, then revoke it. Each step
        checks its preconditions again on the server before it runs.
      </p>
      <AccessNote server={server} action="authorities.rotate" what="rotate authorities" />
      <RotationCockpit server={server} />
    </div>
  );
}
