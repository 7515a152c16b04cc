"use client";

import Link from "next/link";

import { describeWriteScope } from "@/lib/auth/describe-scope";
import type { Principal } from "@/lib/auth/principal";
import { links } from "@/lib/links";

const words = (list: readonly string[] | "any", none: string) =>
  list === "any" ? "any" : list.length ? list.join(", ") : none;

/** Where the user may write on this server, above the entry form (scoped writers only: admins see nothing). */
export function EntryScopeNote({ principal, server }: { principal: Principal | null; server: string }) {
  const lines = describeWriteScope(principal, server).filter((l) => l.spiffeIdPrefixes !== "any" || l.limits.length);
  if (lines.length === 0) return null;
  return (
    <section
      aria-label="Your scope"
      data-testid="entry-scope"
      className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950"
    >
      {lines.map((line) => (
        <div key={line.source} className="space-y-0.5">
          <p>
            As <strong>{line.role}</strong> on {server} you may write entries with SPIFFE IDs under{" "}
            <span className="font-mono break-all">{words(line.spiffeIdPrefixes, "nothing")}</span> and DNS names under{" "}
            <span className="font-mono break-all">{words(line.dnsSuffixes, "none (no DNS names)")}</span>.
          </p>
          <p className="text-xs">
            Parents under <span className="font-mono break-all">{words(line.parentIdPrefixes, "none")}</span>; selectors
            under <span className="font-mono break-all">{words(line.selectorPrefixes, "none")}</span>.{" "}
            {line.limits.join("; ")}.
          </p>
        </div>
      ))}
      <Link href={links.access()} className="text-xs text-sky-900 underline">
        Your access
      </Link>
    </section>
  );
}
