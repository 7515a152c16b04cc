import Link from "next/link";

import { ConsoleChrome } from "@/components/layout/console-chrome";
import { currentAuth } from "@/lib/auth/request-context";
import { links } from "@/lib/links";

export const metadata = { title: "Not found" };

/** The 404 page: an address the console does not have (or a thing that is gone), inside the console when signed in. */
export default async function NotFound() {
  const { principal } = await currentAuth().catch(() => ({ principal: null }));
  const body = (
    <main className="mx-auto max-w-lg space-y-4 px-6 py-16" data-testid="not-found">
      <p className="text-sm font-medium text-slate-600">404</p>
      <h1 className="text-xl font-semibold">This page does not exist</h1>
      <p className="text-sm text-slate-700">
        The address may be mistyped, or what it showed has been deleted. The search (Ctrl+K) finds entries, agents and
        pages by any part of their name.
      </p>
      <p className="flex gap-4 text-sm">
        <Link className="text-sky-800 underline" href={links.overview()}>
          Back to the overview
        </Link>
        <Link className="text-sky-800 underline" href={links.entries()}>
          Entries
        </Link>
      </p>
    </main>
  );
  return principal && principal.bindings.length > 0 ? (
    <ConsoleChrome principal={principal}>{body}</ConsoleChrome>
  ) : (
    body
  );
}
