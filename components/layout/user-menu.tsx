import type { Principal } from "@/lib/auth/principal";

import { SignOutButton } from "./sign-out-button";

const methodLabel: Record<Principal["method"], string> = {
  oidc: "signed in with OpenID Connect",
  proxy: "signed in through the authenticating proxy",
  token: "API token",
  bootstrap: "bootstrap token",
};

/** The signed-in user, their roles, and a sign-out button. */
export function UserMenu({ principal }: { principal: Principal }) {
  const roles = [...new Set(principal.bindings.map((b) => b.role))].join(", ") || "no role";
  return (
    <div className="flex items-center gap-3 text-sm">
      <span className="text-slate-700" title={`${principal.subject} (${methodLabel[principal.method]})`}>
        <span className="font-medium" data-testid="signed-in-user">
          {principal.name}
        </span>{" "}
        <span className="text-slate-600">· {roles}</span>
      </span>
      {principal.kind === "user" && principal.method === "oidc" ? <SignOutButton /> : null}
    </div>
  );
}
