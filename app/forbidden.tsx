import { headers } from "next/headers";
import Link from "next/link";

import { ConsoleChrome } from "@/components/layout/console-chrome";
import { actionWords } from "@/lib/auth/actions";
import { matchPage } from "@/lib/auth/page-access";
import { currentAuth } from "@/lib/auth/request-context";
import { links } from "@/lib/links";

/** The 403 page: a page the signed-in user's roles do not allow, drawn inside the console (nav, switcher). */
export default async function Forbidden() {
  const { principal } = await currentAuth().catch(() => ({ principal: null }));
  const here = (await headers()).get("x-console-path") ?? "/";
  const page = matchPage(new URL(here, "http://console.invalid").pathname);
  const roles = principal?.bindings.map((b) => `${b.role}${b.servers ? ` on ${b.servers.join(", ")}` : ""}`) ?? [];
  const body = (
    <main className="mx-auto max-w-lg space-y-4 px-6 py-16">
      <h1 className="text-xl font-semibold">You may not open this page</h1>
      <p className="text-sm text-slate-700">
        {principal ? (
          <>
            {principal.name} has {roles.length ? `these roles: ${roles.join("; ")}` : "no role"}, and none of them
            allows this page{page ? ` (it needs a role that may ${actionWords[page.access.action]} here)` : ""}. Ask an
            administrator for a role binding if you need it.
          </>
        ) : (
          "Your roles do not allow this page."
        )}
      </p>
      <p className="flex gap-4 text-sm">
        <Link className="text-sky-800 underline" href="/">
          Back to the overview
        </Link>
        {principal ? (
          <Link className="text-sky-800 underline" href={links.access()}>
            Your access
          </Link>
        ) : null}
      </p>
    </main>
  );
  return principal && principal.bindings.length > 0 ? (
    <ConsoleChrome principal={principal}>{body}</ConsoleChrome>
  ) : (
    body
  );
}
