"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

import { useChange } from "@/components/ui/use-change";

/**
 * Runs one change of the suppression rules: busy while it runs and while the page is read again, the error
 * mapped onto the form's fields when it fails, the server-rendered lists refreshed when it succeeds.
 */
export function useSuppressionChange() {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const change = useChange(() => startTransition(() => router.refresh()));
  return { ...change, busy: change.busy || refreshing };
}
