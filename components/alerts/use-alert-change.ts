"use client";

import { useQueryClient } from "@tanstack/react-query";

import { useChange } from "@/components/ui/use-change";
import { alertKeys } from "@/lib/query/keys";

export type { ChangeError } from "@/components/ui/use-change";

/**
 * Runs one change of the Alerts page (create, delete, test, …): busy while it runs, the error (mapped onto the
 * form's fields) when it fails, and the page's data refreshed when it succeeds.
 */
export function useAlertChange() {
  const client = useQueryClient();
  return useChange(() => client.invalidateQueries({ queryKey: alertKeys.all }));
}
