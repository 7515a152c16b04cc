import type { Locator } from "playwright-core";

/**
 * Waits until React has hydrated the element: React attaches its props to a DOM node
 * (`__reactProps$…`) when it takes the node over. Before that, a server-rendered input ignores
 * what the test does to it, which on a loaded machine can outlast the page's load event.
 */
export async function waitForHydrated(element: Locator, timeout = 60_000): Promise<void> {
  await element.waitFor({ timeout });
  await element
    .page()
    .waitForFunction(
      (node) => node !== null && Object.keys(node).some((key) => key.startsWith("__reactProps$")),
      await element.elementHandle(),
      { timeout },
    );
}
