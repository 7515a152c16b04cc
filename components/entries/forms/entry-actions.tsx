"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useAccess } from "@/components/auth/access-provider";
import { NotAllowed } from "@/components/auth/not-allowed";
import { Button, secondaryLinkClass } from "@/components/ui/button";
import { useToast } from "@/components/ui/toaster";
import type { AccessDecision } from "@/lib/auth/access-map";
import { links } from "@/lib/links";
import type { Entry } from "@/lib/spire/types";

import { DeleteEntryDialog } from "./delete-entry-dialog";

/**
 * Edit + Delete for one entry (drop onto the entry detail page). After a delete it says so in a
 * toast and goes back to the list. `writable` is the server's decision for this very entry (an editor's scope);
 * without it the user's permission on the server decides.
 */
export function EntryActions({
  server,
  entry,
  showEdit = true,
  writable,
}: {
  server: string;
  entry: Entry;
  showEdit?: boolean;
  writable?: AccessDecision;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const toast = useToast();
  const serverAccess = useAccess("entries.write", server);
  const access = writable ?? serverAccess;
  if (!access.allowed) {
    return <NotAllowed label={showEdit ? "Edit or delete" : "Delete"} access={access} id="entry-actions-not-allowed" />;
  }
  return (
    <div className="flex items-center gap-2">
      {showEdit ? (
        <Link href={links.editEntry(server, entry.id)} className={secondaryLinkClass}>
          Edit
        </Link>
      ) : null}
      <Button variant="destructive" size="sm" onClick={() => setOpen(true)}>
        Delete
      </Button>
      <DeleteEntryDialog
        server={server}
        entry={entry}
        open={open}
        onClose={() => setOpen(false)}
        onDeleted={() => {
          setOpen(false);
          toast({
            title: `Entry deleted from ${server}`,
            description: `${entry.spiffeId} (ID ${entry.id})`,
            link: { href: links.entries(server), label: "Entries" },
          });
          router.push(links.entries(server));
        }}
      />
    </div>
  );
}
