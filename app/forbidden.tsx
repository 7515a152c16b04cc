import Link from "next/link";

import { currentAuth } from "@/lib/auth/request-context";

/** The 403 page: a page the signed-in user's roles do not allow. */
export default async function Forbidden() {
  const { principal } = await currentAuth().catch(() => ({ principal: null }));
  const roles = principal?.bindings.map((b) => `${b.role}${b.servers ? ` on ${b.servers.join(", ")}` : ""}`) ?? [];
  return (
    <main className="mx-auto max-w-lg space-y-4 px-6 py-16">
      <h1 className="text-xl font-semibold">You may not open this page</h1>
      <p className="text-sm text-slate-700">
        {principal ? (
          <>
            {principal.name} has {roles.length ? `these roles: ${roles.join("; ")}` : "no role"}, and none of them
            allows this page. Ask an administrator for a role binding if you need it.
          </>
        ) : (
          "Your roles do not allow this page."
        )}
      </p>
      <Link className="text-sm text-sky-800 underline" href="/">
        Back to the overview
      </Link>
    </main>
  );
}
