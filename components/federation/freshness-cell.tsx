import { Badge } from "@/components/ui/badge";
import { TimeText } from "@/components/ui/time-text";
import type { FederationFreshness } from "@/lib/federation/judge-freshness";
import { formatDuration } from "@/lib/format/time";

function Verdict({ f }: { f: FederationFreshness }) {
  if (f.partnerNotServing) return <Badge tone="bad">partner no longer serves us</Badge>;
  if (f.stale) return <Badge tone="bad">stale</Badge>;
  if (f.lastSuccessAt) return <Badge tone="good">fresh</Badge>;
  return <Badge tone="neutral">no fetch seen yet</Badge>;
}

/** A relationship's freshness: verdict badges, last successful fetch, sequence change, last error, CA TTL warning. */
export function FreshnessCell({ f, now }: { f: FederationFreshness | null; now: number }) {
  if (!f) return <span className="text-slate-600">–</span>;
  const hint = f.refreshHintSeconds;
  return (
    <div className="space-y-0.5" data-testid="freshness" data-stale={f.stale} data-not-serving={f.partnerNotServing}>
      <div className="flex flex-wrap gap-1">
        <Verdict f={f} />
        {f.stale && f.partnerNotServing ? <Badge tone="bad">stale</Badge> : null}
      </div>
      <div>
        last fetched: {f.lastSuccessAt ? <TimeText iso={f.lastSuccessAt} now={now} /> : "not seen"}
        {!f.lastSuccessAt && f.observedSince ? (
          <span className="text-slate-600">
            {" "}
            (watched since <TimeText iso={f.observedSince} now={now} />)
          </span>
        ) : null}
      </div>
      {hint ? <div className="text-slate-600">refresh hint {formatDuration(hint)}; stale after 3</div> : null}
      <div data-testid="bundle-changed">
        seq {f.sequenceNumber ?? "–"}
        {f.sequenceChangedAt ? (
          <>
            , bundle changed <TimeText iso={f.sequenceChangedAt} now={now} />
          </>
        ) : (
          <span className="text-slate-600">, unchanged while watched</span>
        )}
      </div>
      {f.lastError && f.lastErrorAt ? (
        <div className="break-words text-red-800" data-testid="freshness-error">
          <TimeText iso={f.lastErrorAt} now={now} />: {f.lastError}
        </div>
      ) : null}
      {f.caTtlWarning ? <div className="break-words text-amber-800">{f.caTtlWarning}</div> : null}
      {f.problem ? <div className="break-words text-slate-600">{f.problem}</div> : null}
    </div>
  );
}
