import { TokenManager } from "@/components/settings/token-manager";
import { requirePage } from "@/lib/auth/guard";
import { listApiTokens } from "@/lib/auth/manage-tokens";
import { configuredServers } from "@/lib/servers/resolve-server";

import { readWithTime } from "../../_components/read-with-time";

export const metadata = { title: "API tokens" };

export default async function TokensPage() {
  await requirePage();
  const [{ data: tokens, readAt }, servers] = await Promise.all([
    readWithTime(listApiTokens),
    Promise.resolve(configuredServers()),
  ]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">API tokens</h1>
        <p className="text-sm text-slate-600">
          Tokens let scripts and automation call the console&apos;s API with{" "}
          <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>. Each token has its own roles; its
          secret is shown once, and only its hash is kept.
        </p>
      </div>
      <TokenManager initialTokens={tokens} renderedAt={readAt} servers={servers.map((s) => s.name)} />
    </div>
  );
}
