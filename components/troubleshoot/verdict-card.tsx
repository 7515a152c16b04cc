import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { Verdict } from "@/lib/troubleshoot/diagnose-workload";

const tone = { ok: "good", degraded: "warn", none: "bad" } as const;
const label = { ok: "Gets SVIDs", degraded: "Gets SVIDs, with problems", none: "Gets no SVID" } as const;

/** The verdict and its ranked reasons, each with a one-sentence fix and, for entry changes, a pre-filled form. */
export function VerdictCard({ verdict }: { verdict: Verdict }) {
  return (
    <Card data-testid="verdict" data-status={verdict.status}>
      <CardHeader>
        <h2 className="text-base font-semibold">Verdict</h2>
        <Badge tone={tone[verdict.status]}>{label[verdict.status]}</Badge>
      </CardHeader>
      <CardBody className="space-y-3 text-sm">
        <p data-testid="verdict-summary" className="font-medium break-words">
          {verdict.summary}
        </p>
        {verdict.reasons.length ? (
          <ol className="list-decimal space-y-3 pl-5" aria-label="Reasons, most likely first">
            {verdict.reasons.map((r, i) => (
              <li key={`${r.code}-${i}`} data-testid="reason" data-code={r.code} className="break-words">
                <p>{r.title}</p>
                <p className="text-slate-600">
                  <span className="font-medium">Fix:</span> {r.fix}
                </p>
                {r.action || r.secondary ? (
                  <div className="mt-1 flex flex-wrap gap-2">
                    {r.action ? (
                      <Link
                        href={r.action.href}
                        className="inline-block rounded-md bg-sky-700 px-2 py-1 text-xs font-medium text-white hover:bg-sky-800"
                        data-testid="fix-action"
                      >
                        {r.action.label}
                      </Link>
                    ) : null}
                    {r.secondary ? (
                      <Link
                        href={r.secondary.href}
                        className="inline-block rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50"
                        data-testid="fix-secondary"
                      >
                        {r.secondary.label}
                      </Link>
                    ) : null}
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        ) : null}
      </CardBody>
    </Card>
  );
}
