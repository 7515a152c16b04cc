"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { links } from "@/lib/links";
import { fetchEntryOwner } from "@/lib/query/api";
import { entryKeys } from "@/lib/query/keys";

/**
 * Says when spire-controller-manager owns the entry (and links to the object that renders it):
 * on the detail page as a note, on the edit page as a warning that the controller reverts the edit.
 */
export function ControllerOwnerNote({ server, id, mode }: { server: string; id: string; mode: "detail" | "edit" }) {
  const query = useQuery({ queryKey: entryKeys.owner(server, id), queryFn: () => fetchEntryOwner(server, id) });
  if (!query.data?.managed) return null;
  const { owner, reasons } = query.data;
  const ownerLink = owner ? (
    owner.kind === "ClusterSPIFFEID" ? (
      <Link href={links.clusterSpiffeId(owner.name)} className="font-medium underline">
        ClusterSPIFFEID {owner.name}
      </Link>
    ) : (
      <Link href={links.controllerManager()} className="font-medium underline">
        ClusterStaticEntry {owner.name}
      </Link>
    )
  ) : (
    "spire-controller-manager"
  );
  return (
    <div
      role={mode === "edit" ? "alert" : "note"}
      data-testid="controller-owner-note"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      <p>
        {mode === "edit" ? "Editing this entry will not last: " : "Managed by spire-controller-manager: "}
        {ownerLink}{" "}
        {mode === "edit"
          ? "renders it, and the controller reverts hand edits (and recreates it if deleted)."
          : "renders it; change that object instead of the entry."}
      </p>
      <ul className="mt-1 list-inside list-disc text-xs">
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}
