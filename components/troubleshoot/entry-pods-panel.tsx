import Link from "next/link";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ApiError } from "@/lib/api/api-error";
import { links } from "@/lib/links";
import { type EntryReverseLookup, lookupEntryPods } from "@/lib/troubleshoot/load-entry-pods";

async function load(server: string, id: string): Promise<EntryReverseLookup | { message: string }> {
  try {
    return await lookupEntryPods({ server, id });
  } catch (error) {
    if (error instanceof ApiError) return { message: error.message };
    throw error;
  }
}

/** Entry detail panel: the pods this entry matches today, or the closest ones and what differs. */
export async function EntryPodsPanel({ server, entryId }: { server: string; entryId: string }) {
  const result = await load(server, entryId);
  return (
    <Card data-testid="entry-pods-panel">
      <CardHeader>
        <h2 className="text-base font-semibold">Pods this entry matches</h2>
      </CardHeader>
      <CardBody className="text-sm">
        {"message" in result ? (
          <p className="text-slate-600">{result.message}</p>
        ) : (
          <>
            <p className="text-slate-600">
              {result.matches.length
                ? `${result.matches.length} container(s) of ${result.podsScanned} pods match today.`
                : result.closest.length
                  ? `None of ${result.podsScanned} pods match today. Closest:`
                  : `None of ${result.podsScanned} pods match today, and none comes close (no pod shares a selector with this entry).`}
            </p>
            <ul className="mt-2 space-y-2">
              {(result.matches.length ? result.matches : result.closest).map((h) => (
                <li key={`${h.namespace}/${h.name}/${h.container}`}>
                  <Link
                    className="font-mono text-xs break-all text-sky-800 hover:underline"
                    href={links.troubleshootPod(result.server, h.namespace, h.name, h.container)}
                  >
                    {h.namespace}/{h.name} ({h.container})
                  </Link>
                  <span className="text-xs text-slate-500"> on {h.node ?? "no node"}</span>
                  {h.differences.length || !h.parentOk ? (
                    <ul className="list-disc pl-5 text-xs text-slate-600">
                      {h.differences.map((d) => (
                        <li key={d.expected}>
                          needs <code>{d.expected}</code>, has{" "}
                          {d.actual.length ? d.actual.map((a) => <code key={a}>{a} </code>) : "no such selector"}
                        </li>
                      ))}
                      {!h.parentOk ? <li>the entry&apos;s parent does not serve this pod&apos;s node</li> : null}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </CardBody>
    </Card>
  );
}
