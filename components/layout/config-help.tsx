import { CodeBlock } from "@/components/ui/code-block";
import type { ConfigStatus } from "@/lib/servers/list-server-summaries";

/** Shown instead of every page while no valid server configuration exists. */
export function ConfigHelp({
  config,
  showDetails,
}: {
  config: Exclude<ConfigStatus, { status: "ok" }>;
  /** Admins see the file and the reason; others only that there is a problem (paths stay private). */
  showDetails: boolean;
}) {
  if (!showDetails) {
    return (
      <div className="mx-auto max-w-2xl space-y-4 py-10">
        <h1 className="text-xl font-semibold">The console is not configured correctly</h1>
        <p role="alert" className="text-sm text-slate-700">
          An administrator can find the reason on this page once signed in as an admin, or in the console&apos;s server
          log.
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-2xl space-y-4 py-10">
      <h1 className="text-xl font-semibold">
        {config.status === "invalid" ? "The console's configuration is invalid" : "No SPIRE server is configured yet"}
      </h1>
      {config.status === "invalid" ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 font-mono text-sm text-red-900">
          {config.message}
        </p>
      ) : (
        <p className="text-sm text-slate-600">Looked for: {config.searched.join(", ")}</p>
      )}
      <p className="text-sm">
        Point <code className="font-mono">SPIRE_CONSOLE_CONFIG</code> at a JSON or YAML file listing the servers, then
        reload. For a local two-domain stack, run <code className="font-mono">npm run stack:up</code>.
      </p>
      <CodeBlock className="p-4">{`servers:
  - name: foo
    address: unix:///run/spire/server/private/api.sock
    trustDomain: foo.example.com
  - name: bar
    address: spire-server.bar.internal:8081
    trustDomain: bar.example.com
    tls:
      certFile: /etc/spire-console/svid.pem
      keyFile: /etc/spire-console/svid.key
      bundleFile: /etc/spire-console/bundle.pem`}</CodeBlock>
    </div>
  );
}
