import { AccessNote } from "@/components/auth/access-note";
import { AuthoritySlotsTable } from "@/components/authorities/authority-slots-table";
import { RotationCockpit } from "@/components/authorities/rotation-cockpit";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { SpiffeId } from "@/components/ui/spiffe-id";
import { TimeText } from "@/components/ui/time-text";
import { getAuthoritiesView } from "@/lib/authorities/load-authorities";
import { formatDuration } from "@/lib/format/time";
import { links } from "@/lib/links";

import { loadPagePart, PartProblem } from "../_components/page-part";
import { openServerPage } from "../_components/server-page";

export const metadata = { title: "Authorities" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuthoritiesPage({ searchParams }: Props) {
  const page = await openServerPage(searchParams, links.authorities);
  if (!page.ok) return page.view;
  const { server, config, principal } = page;
  const part = await loadPagePart(principal, `reading the authorities of ${server}`, () => getAuthoritiesView(config));
  return (
    <div className="space-y-4">
      <Breadcrumbs items={[{ label: "Expiry", href: links.expiry() }, { label: `Authorities of ${server}` }]} />
      <h1 className="text-xl font-semibold">Authorities of {server}</h1>
      <p className="text-sm text-slate-600">
        SPIRE renews these by itself: it prepares the next X.509 CA and JWT key at half the active one&apos;s lifetime
        and activates it before the active one expires. To rotate one sooner (what{" "}
        <code className="font-mono text-xs">spire-server localauthority x509|jwt prepare</code>,{" "}
        <code className="font-mono text-xs">activate</code>, <code className="font-mono text-xs">taint</code> and{" "}
        <code className="font-mono text-xs">revoke</code> do by hand), use the rotation below.
      </p>
      {part.ok ? (
        <>
          <section className="space-y-2" aria-labelledby="x509-title">
            <h2 id="x509-title" className="text-base font-semibold">
              X.509 CA
            </h2>
            <AuthoritySlotsTable
              caption={`X.509 authorities of ${server}`}
              slots={part.data.local.x509}
              now={part.readAt}
            />
          </section>
          <section className="space-y-2" aria-labelledby="jwt-title">
            <h2 id="jwt-title" className="text-base font-semibold">
              JWT keys
            </h2>
            <AuthoritySlotsTable
              caption={`JWT authorities of ${server}`}
              slots={part.data.local.jwt}
              now={part.readAt}
            />
          </section>
          <Card>
            <CardHeader>
              <h2 className="font-semibold">Trust bundle of {part.data.bundle.trustDomain}</h2>
              <span className="text-xs text-slate-600">
                sequence {part.data.bundle.sequenceNumber}
                {part.data.bundle.refreshHint ? ` · refresh hint ${formatDuration(part.data.bundle.refreshHint)}` : ""}
              </span>
            </CardHeader>
            <CardBody>
              <ul className="divide-y divide-slate-100 text-sm" data-testid="bundle-authorities">
                {part.data.bundle.x509Authorities.map((ca) => (
                  <li key={ca.fingerprint} className="flex flex-wrap items-center gap-2 py-1.5">
                    <span className="text-xs text-slate-600">X.509 CA</span>
                    <span className="min-w-0 flex-1 text-xs">
                      <SpiffeId value={ca.fingerprint} label="fingerprint" />
                    </span>
                    {ca.tainted ? <span className="text-xs text-red-700">tainted</span> : null}
                    <span className="text-xs text-slate-600">
                      expires {ca.notAfter ? <TimeText iso={ca.notAfter} now={part.readAt} /> : "never"}
                    </span>
                  </li>
                ))}
                {part.data.bundle.jwtAuthorities.map((key) => (
                  <li key={key.keyId} className="flex flex-wrap items-center gap-2 py-1.5">
                    <span className="text-xs text-slate-600">JWT key</span>
                    <span className="min-w-0 flex-1 text-xs">
                      <SpiffeId value={key.keyId} label="key ID" />
                    </span>
                    {key.tainted ? <span className="text-xs text-red-700">tainted</span> : null}
                    <span className="text-xs text-slate-600">
                      expires {key.expiresAt ? <TimeText iso={key.expiresAt} now={part.readAt} /> : "never"}
                    </span>
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        </>
      ) : (
        <PartProblem title={`Could not read the authorities of ${server}`} part={part} />
      )}
      <section className="space-y-3" aria-labelledby="rotation-title">
        <h2 id="rotation-title" className="text-base font-semibold">
          Rotate an authority
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">
          Rotate without an outage: prepare a new authority, wait until every copy of the bundle holds it, activate it,
          taint the old one so everything it signed is replaced, then revoke it. Each step checks its preconditions
          again on the server before it runs.
        </p>
        <AccessNote server={server} action="authorities.rotate" what="rotate authorities" />
        <RotationCockpit server={server} />
      </section>
    </div>
  );
}
