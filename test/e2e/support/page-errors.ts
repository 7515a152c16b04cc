// Browser console errors and uncaught exceptions of the pages a test opens: a page that logs an
// error (a failed request, a React warning promoted to an error, a thrown handler) is broken.
import type { Page } from "playwright-core";

const collected = new WeakMap<Page, string[]>();

/** Starts recording `page`'s console errors and page errors; call before the first navigation. */
export function recordPageErrors(page: Page): void {
  const errors: string[] = [];
  collected.set(page, errors);
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const { url } = message.location();
    errors.push(`console error: ${message.text()}${url ? ` (${url})` : ""}`);
  });
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
}

/** The errors recorded on `page` so far (empty when it was never recorded). */
export function pageErrors(page: Page): string[] {
  return [...(collected.get(page) ?? [])];
}
