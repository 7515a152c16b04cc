"use client";

import { useState } from "react";

import { ApiClientError } from "@/lib/query/fetch-json";

/** A form's error: the message and, per field, the first problem the server named. */
export type ChangeError = { message: string; fields: Record<string, string> };

/**
 * Runs one change (create, delete, test, …): busy while it runs, the error (mapped onto the form's fields by the
 * first segment of each issue's path) when it fails, and `afterSuccess` (refresh what shows it) when it succeeds.
 */
export function useChange(afterSuccess: () => unknown) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ChangeError | null>(null);
  async function run<T>(change: () => Promise<T>): Promise<T | null> {
    setBusy(true);
    setError(null);
    try {
      const result = await change();
      await afterSuccess();
      return result;
    } catch (e) {
      const fields: Record<string, string> = {};
      for (const d of e instanceof ApiClientError ? e.details : []) fields[d.path.split(".")[0]!] ??= d.message;
      setError({ message: (e as Error).message, fields });
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
