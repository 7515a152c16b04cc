import "server-only";

import { unstable_rethrow } from "next/navigation";

import { StatePanel } from "@/components/ui/state-panel";
import { ApiError } from "@/lib/api/api-error";
import { seesFilePaths } from "@/lib/api/redact-paths";
import { userMessage } from "@/lib/api/user-message";
import type { Principal } from "@/lib/auth/principal";

/** One part of a page, read on the server: its data and when it was read, or why it could not be. */
export type PagePart<T> = { ok: true; data: T; readAt: number } | { ok: false; code: string; message: string };

/**
 * Reads one part of a page. A failure becomes a message shown in place of the part, with internal
 * file paths hidden unless `principal` is an admin (as the API answers); an unexpected error is
 * logged and said generically. `readAt` (epoch ms) is the "now" of the part's first render, so the
 * server's HTML and the browser's hydration agree on relative times.
 */
export async function loadPagePart<T>(
  principal: Principal | null,
  what: string,
  load: () => Promise<T>,
): Promise<PagePart<T>> {
  try {
    const data = await load();
    return { ok: true, data, readAt: Date.now() };
  } catch (error) {
    unstable_rethrow(error);
    const code = error instanceof ApiError ? error.code : "internal";
    return { ok: false, code, message: userMessage(error, what, seesFilePaths(principal)) };
  }
}

/** The one way a page shows a part that could not be read. */
export function PartProblem({ title, part }: { title: string; part: { message: string } }) {
  return (
    <StatePanel tone="error" title={title}>
      {part.message}
    </StatePanel>
  );
}
