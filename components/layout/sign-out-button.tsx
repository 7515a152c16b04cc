"use client";

import { useState } from "react";

/**
 * Signs out: POST /auth/logout, then goes where it says (the provider's end-session page, which
 * returns to /auth/signed-out). Sent by fetch with a same-origin referrer policy, so the browser
 * includes the Origin header the CSRF check needs (pages are served with Referrer-Policy:
 * no-referrer, under which a plain form POST would send `Origin: null`).
 */
export function SignOutButton() {
  const [failed, setFailed] = useState(false);
  async function signOut() {
    setFailed(false);
    try {
      const response = await fetch("/auth/logout", {
        method: "POST",
        headers: { accept: "application/json" },
        referrerPolicy: "same-origin",
      });
      const body = (await response.json()) as { location?: string };
      if (!response.ok || !body.location) throw new Error(`HTTP ${response.status}`);
      window.location.assign(body.location);
    } catch {
      setFailed(true);
    }
  }
  return (
    <>
      <button
        type="button"
        onClick={() => void signOut()}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50"
      >
        Sign out
      </button>
      {failed ? (
        <span role="alert" className="text-xs text-red-700">
          Signing out failed; try again.
        </span>
      ) : null}
    </>
  );
}
