"use client";

import Link from "next/link";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";

import { cn } from "@/lib/format/cn";

/** A short confirmation of what just happened, optionally linking to the object it concerns. */
export type Toast = {
  tone?: "success" | "error";
  title: string;
  description?: string;
  link?: { href: string; label: string };
};

type ShownToast = Toast & { id: number };

const ToastContext = createContext<(toast: Toast) => void>(() => undefined);

/** Shows a toast; it stays across client-side navigations (the list lives in the console layout). */
export function useToast(): (toast: Toast) => void {
  return useContext(ToastContext);
}

const DISMISS_MS = 8_000;
let nextId = 1;

function ToastItem({ toast, onDismiss }: { toast: ShownToast; onDismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = window.setTimeout(() => onDismiss(toast.id), DISMISS_MS);
    return () => window.clearTimeout(timer);
  }, [paused, onDismiss, toast.id]);
  const tone = toast.tone ?? "success";
  return (
    <li
      data-testid="toast"
      data-tone={tone}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className={cn(
        "pointer-events-auto flex w-full items-start gap-3 rounded-lg border bg-white p-3 text-sm shadow-lg",
        tone === "success" ? "border-emerald-300" : "border-red-300",
      )}
    >
      <span
        aria-hidden="true"
        className={cn("mt-1 h-2 w-2 shrink-0 rounded-full", tone === "success" ? "bg-emerald-600" : "bg-red-600")}
      />
      <div className="min-w-0 flex-1 space-y-0.5">
        <p className="font-medium text-slate-900">{toast.title}</p>
        {toast.description ? <p className="break-words text-slate-700">{toast.description}</p> : null}
        {toast.link ? (
          <Link
            href={toast.link.href}
            className="font-medium text-sky-800 underline"
            onClick={() => onDismiss(toast.id)}
          >
            {toast.link.label}
          </Link>
        ) : null}
      </div>
      <button
        type="button"
        onClick={() => onDismiss(toast.id)}
        className="rounded px-1 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600"
      >
        <span aria-hidden="true">×</span>
        <span className="sr-only">Dismiss</span>
      </button>
    </li>
  );
}

/**
 * Holds the toasts of the console and shows them in a polite live region at the bottom right
 * (full width on a phone). Each disappears after 8 s, unless hovered or focused, or on Dismiss.
 */
export function Toaster({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ShownToast[]>([]);
  const show = useCallback((toast: Toast) => setToasts((list) => [...list.slice(-3), { ...toast, id: nextId++ }]), []);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <section
        aria-label="Notifications"
        className="pointer-events-none fixed inset-x-3 bottom-3 z-50 sm:left-auto sm:w-96"
      >
        <ol role="status" aria-live="polite" className="flex flex-col gap-2">
          {toasts.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </ol>
      </section>
    </ToastContext.Provider>
  );
}
