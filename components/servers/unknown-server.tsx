import Link from "next/link";

import { StatePanel } from "@/components/ui/state-panel";

/**
 * Said instead of a page when `?server=` names no configured server: the name is never replaced
 * by another server silently. `hrefFor` builds the same page's link for a configured server.
 */
export function UnknownServer({
  requested,
  configured,
  hrefFor,
}: {
  requested: string;
  configured: string[];
  hrefFor: (server: string) => string;
}) {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Unknown SPIRE server</h1>
      <StatePanel
        tone="error"
        title={`There is no SPIRE server called '${requested}' in this console's configuration.`}
      >
        {configured.length ? (
          <p>
            Configured servers:{" "}
            {configured.map((name, i) => (
              <span key={name}>
                {i ? ", " : ""}
                <Link href={hrefFor(name)} className="font-medium underline">
                  {name}
                </Link>
              </span>
            ))}
            .
          </p>
        ) : (
          <p>No server is configured.</p>
        )}
      </StatePanel>
    </div>
  );
}
