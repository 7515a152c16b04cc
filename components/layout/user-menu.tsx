import Link from "next/link";

import type { Principal } from "@/lib/auth/principal";
import { links } from "@/lib/links";

import { SignOutButton } from "./sign-out-button";

const methodLabel: Record<Principal["method"], string> = {
  oidc: "signed in with OpenID Connect",
  proxy: "signed in through the authenticating proxy",
  token: "API token",
  bootstrap: "bootstrap token",
  system: "the console itself",
};

/** The signed-in user, their roles, and a sign-out button (at the foot of the navigation). */
export function UserMenu({ principal }: { principal: Principal }) {
  const roles = [...new Set(principal.bindings.map((b) => b.role))].join(", ") || "no role";
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 px-3 text-sm">
      <span className="min-w-0 text-ink-300" title={`${principal.subject} (${methodLabel[principal.method]})`}>
        <span className="font-medium text-ink-50" data-testid="signed-in-user">
          {principal.name}
        </span>{" "}
        <span>· {roles}</span>
      </span>
      <Link href={links.access()} className="text-ink-300 underline hover:text-ink-50">
        Your access
      </Link>
      {principal.kind === "user" && principal.method === "oidc" ? <SignOutButton /> : null}
    </div>
  );
}
