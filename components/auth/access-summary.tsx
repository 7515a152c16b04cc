import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { TimeText } from "@/components/ui/time-text";
import { describeRole } from "@/lib/auth/describe-scope";
import type { MyAccess } from "@/lib/auth/load-my-access";
import type { Binding } from "@/lib/auth/principal";
import { isScopedWriter } from "@/lib/auth/roles";

const methodWords: Record<MyAccess["principal"]["method"], string> = {
  oidc: "signed in with OpenID Connect",
  proxy: "signed in through the authenticating proxy",
  token: "an API token",
  bootstrap: "the bootstrap token",
  system: "the console itself",
};

function Row({ label, values, none }: { label: string; values: readonly string[] | undefined; none: string }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[12rem_minmax(0,1fr)]">
      <dt className="text-slate-600">{label}</dt>
      <dd className="font-mono text-xs break-all">{values?.length ? values.join(", ") : none}</dd>
    </div>
  );
}

function BindingCard({ binding }: { binding: Binding }) {
  const scoped = isScopedWriter(binding.role);
  const writes = describeRole(binding.role).some((w) => w.includes("entries") && w.startsWith("create"));
  return (
    <Card data-testid="access-binding">
      <CardHeader>
        <h2 className="font-semibold capitalize">{binding.role}</h2>
        <p className="text-xs text-slate-600">from {binding.source}</p>
      </CardHeader>
      <CardBody>
        <p className="mb-3 text-sm">May {describeRole(binding.role).join(", ")}.</p>
        <dl className="space-y-2 text-sm">
          <Row label="Servers" values={binding.servers} none="every server" />
          {writes ? (
            <>
              <Row label="SPIFFE-ID prefixes" values={binding.spiffeIdPrefixes} none="any SPIFFE ID" />
              <Row
                label="DNS suffixes"
                values={binding.dnsSuffixes}
                none={scoped ? "none: no DNS names" : "any DNS name"}
              />
            </>
          ) : null}
          {scoped ? (
            <>
              <Row label="Parent ID prefixes" values={binding.parentIdPrefixes} none="none" />
              <Row label="Selector prefixes" values={binding.selectorPrefixes} none="none" />
              <Row label="Federates with" values={binding.federatesWith} none="none" />
              <Row
                label="Longest SVID TTLs"
                values={[
                  `X.509 ${binding.maxX509SvidTtl ?? 0}s`,
                  `JWT ${binding.maxJwtSvidTtl ?? 0}s`,
                  binding.storeSvid ? "may store SVIDs" : "may not store SVIDs",
                ]}
                none=""
              />
            </>
          ) : null}
        </dl>
      </CardBody>
    </Card>
  );
}

/** The signed-in user's roles, servers, scopes and when the session ends (the "Your access" page). */
export function AccessSummary({ access, now }: { access: MyAccess; now: number }) {
  const { principal, servers, expiry } = access;
  return (
    <div className="space-y-4">
      <Card>
        <CardBody className="space-y-2 text-sm">
          <p>
            <strong data-testid="access-name">{principal.name}</strong> ({principal.subject}),{" "}
            {methodWords[principal.method]}
            {principal.groups.length ? `, in groups ${principal.groups.join(", ")}` : ""}.
          </p>
          <p data-testid="access-servers">Servers you may see: {servers.length ? servers.join(", ") : "none"}.</p>
          {expiry ? (
            <p data-testid="access-expiry">
              Your session ends <TimeText iso={new Date(expiry.expiresAt).toISOString()} now={now} /> at the latest, or{" "}
              <TimeText iso={new Date(expiry.idleUntil).toISOString()} now={now} /> if you are idle until then.
            </p>
          ) : principal.kind === "token" ? (
            <p data-testid="access-expiry">This is an API token: its expiry is listed with the API tokens.</p>
          ) : null}
        </CardBody>
      </Card>
      {principal.bindings.length ? (
        <div className="grid gap-4 lg:grid-cols-2">
          {principal.bindings.map((binding) => (
            <BindingCard key={binding.source} binding={binding} />
          ))}
        </div>
      ) : (
        <p className="text-sm text-slate-700">You have no role: ask an administrator for a role binding.</p>
      )}
    </div>
  );
}
