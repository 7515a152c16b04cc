"use client";

import { useEffect, useRef, useState } from "react";

import { SESSION_ENDED } from "@/lib/query/fetch-json";

/**
 * When the API answers 401 mid-work, says so and offers to sign in again, coming back to this
 * very page afterwards (forms keep their unsaved values meanwhile; see use-form-draft).
 */
export function SessionEndedDialog() {
  const [ended, setEnded] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onEnded = () => setEnded(true);
    window.addEventListener(SESSION_ENDED, onEnded);
    return () => window.removeEventListener(SESSION_ENDED, onEnded);
  }, []);
  useEffect(() => {
    if (ended && !dialog.current?.open) dialog.current?.showModal();
  }, [ended]);
  const returnTo = ended ? `${window.location.pathname}${window.location.search}${window.location.hash}` : "/";
  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-labelledby="session-ended-title"
      aria-describedby="session-ended-body"
      className="m-auto w-[28rem] max-w-[95vw] rounded-lg border border-slate-200 p-6 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id="session-ended-title" className="text-lg font-semibold">
        Your session has ended
      </h2>
      <p id="session-ended-body" className="mt-2 text-sm text-slate-700">
        Sign in again to go on; you will come back to this page, and a form you were filling in keeps its values.
      </p>
      <div className="mt-4 flex justify-end">
        <a
          href={`/auth/login?returnTo=${encodeURIComponent(returnTo)}`}
          className="inline-flex h-9 items-center rounded-md bg-sky-700 px-4 text-sm font-medium text-white hover:bg-sky-800"
        >
          Sign in again
        </a>
      </div>
    </dialog>
  );
}
