import { Badge } from "@/components/ui/badge";
import { SpiffeId } from "@/components/ui/spiffe-id";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeText } from "@/components/ui/time-text";
import type { AuthoritySlots } from "@/lib/spire/types";

const slotNote = {
  active: "Signs SVIDs now.",
  prepared: "The successor: SPIRE activates it before the active one expires.",
  old: "Retired: still in the bundle until it expires, so SVIDs it signed stay valid.",
} as const;

/** The active, prepared and old authority of one kind (`spire-server localauthority x509|jwt show`). */
export function AuthoritySlotsTable({ caption, slots, now }: { caption: string; slots: AuthoritySlots; now: number }) {
  return (
    <Table caption={caption} stack>
      <TableHeader>
        <TableRow>
          <TableHead className="w-28 px-4">Slot</TableHead>
          <TableHead className="px-4">Authority ID</TableHead>
          <TableHead className="w-40 px-4">Expires</TableHead>
          <TableHead className="px-4">What SPIRE does</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {(["active", "prepared", "old"] as const).map((slot) => {
          const state = slots[slot];
          return (
            <TableRow key={slot} data-testid={`authority-${slot}`}>
              <TableCell className="px-4" data-label="Slot">
                <Badge tone={slot === "active" ? "good" : "neutral"}>{slot}</Badge>
              </TableCell>
              <TableCell className="px-4 text-xs" data-label="Authority ID">
                {state ? <SpiffeId value={state.authorityId} label="authority ID" /> : "none"}
              </TableCell>
              <TableCell className="px-4 text-xs" data-label="Expires">
                {state?.expiresAt ? <TimeText iso={state.expiresAt} now={now} /> : "–"}
              </TableCell>
              <TableCell className="px-4 text-xs text-slate-700" data-label="What SPIRE does">
                {state
                  ? slotNote[slot]
                  : slot === "prepared"
                    ? "None yet: SPIRE prepares one at half the active one's lifetime."
                    : "–"}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
