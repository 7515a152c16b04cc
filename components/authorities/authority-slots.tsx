import { Badge } from "@/components/ui/badge";
import { SpiffeId } from "@/components/ui/spiffe-id";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeText } from "@/components/ui/time-text";
import type { RotationView } from "@/lib/authorities/rotation-types";

const slotNames = ["active", "prepared", "old"] as const;

/** The active, prepared and old authority with expiry, upstream authority and their state in the server's bundle. */
export function AuthoritySlots({ view, now }: { view: RotationView; now: number }) {
  const own = view.copies.find((c) => c.kind === "server")?.authorities ?? [];
  return (
    <Table
      frameClassName="relative"
      caption={`${view.kind} authorities of ${view.server}`}
      data-testid="authority-slots"
    >
      <TableHeader>
        <TableRow>
          <TableHead>Slot</TableHead>
          <TableHead>Authority ID</TableHead>
          <TableHead>Expires</TableHead>
          <TableHead>Upstream authority</TableHead>
          <TableHead>In {view.server}&apos;s bundle</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {slotNames.map((slot) => {
          const state = view.slots?.[slot] ?? null;
          const held = state ? own.find((a) => a.id === state.authorityId) : undefined;
          return (
            <TableRow key={slot} data-testid={`slot-${slot}`} data-authority-id={state?.authorityId ?? ""}>
              <TableCell className="font-medium capitalize">{slot}</TableCell>
              <TableCell className="text-xs">
                {state ? <SpiffeId value={state.authorityId} label="authority ID" /> : "–"}
              </TableCell>
              <TableCell className="text-xs">
                {state?.expiresAt ? <TimeText iso={state.expiresAt} now={now} /> : "–"}
              </TableCell>
              <TableCell className="break-all font-mono text-xs">
                {state?.upstreamAuthoritySubjectKeyId || (state ? "none (self-signed)" : "–")}
              </TableCell>
              <TableCell>
                {!state ? (
                  "–"
                ) : held ? (
                  <Badge tone={held.tainted ? "warn" : "good"}>{held.tainted ? "tainted" : "published"}</Badge>
                ) : (
                  <Badge tone={slot === "old" ? "neutral" : "bad"}>{slot === "old" ? "revoked" : "missing"}</Badge>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
