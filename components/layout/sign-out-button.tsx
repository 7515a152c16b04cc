"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { fetchJson } from "@/lib/query/fetch-json";

/**
 * Signs out: POST /auth/logout, then goes where it says (the provider's end-session page, which
 * returns to /auth/signed-out). Sent with fetchJson, whose same-origin referrer policy makes the
 * browser include the Origin header the CSRF check needs (pages are served with
 * Referrer-Policy: no-referrer, under which a plain form POST would send `Origin: null`).
 */
export function SignOutButton() {
  const [failed, setFailed] = useState(false);
  async function signOut() {
    setFailed(false);
    try {
      const { location } = await fetchJson<{ location?: string }>("/auth/logout", { method: "POST" });
      if (!location) throw new Error("The sign-out answer named no page to go to.");
      window.location.assign(location);
    } catch {
      setFailed(true);
    }
  }
  return (
    <>
      <Button variant="secondary" size="sm" className="h-auto px-2 py-1 text-xs" onClick={() => void signOut()}>
        Sign out
      </Button>
      {failed ? (
        <span role="alert" className="rounded bg-red-50 px-1 text-xs text-red-900">
          Signing out failed; try again.
        </span>
      ) : null}
    </>
  );
}
