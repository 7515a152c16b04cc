// axe-core in the page under test: injects the library the project already depends on and
// reports the violations of WCAG 2.1 A and AA rules that matter (serious and critical).
import path from "node:path";

import type { AxeResults, ImpactValue } from "axe-core";
import type { Page } from "playwright-core";

import { repoRoot } from "../../support/console-server";

const axeScript = path.join(repoRoot, "node_modules/axe-core/axe.min.js");
const wcag21aa = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const blocking: readonly ImpactValue[] = ["serious", "critical"];

/** One failed axe rule, reduced to what a reader of a failed test needs. */
export type AxeFinding = { rule: string; impact: ImpactValue; help: string; nodes: string[] };

/**
 * The WCAG 2.1 AA rules whose outcome a change of colours alone can change: a page already checked in one theme is
 * checked in the other with only these (the themes differ in colours, through CSS, not in markup or layout).
 */
export const COLOUR_RULES = ["color-contrast", "link-in-text-block"] as const;

/**
 * Runs axe on the whole document and returns its serious and critical WCAG 2.1 AA violations (of `rules` only, when
 * given).
 */
export async function findAxeViolations(page: Page, rules?: readonly string[]): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.addScriptTag({ path: axeScript });
  const results = await page.evaluate(
    (runOnly) =>
      (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(
        document,
        { runOnly, resultTypes: ["violations"] },
      ),
    rules ? { type: "rule", values: [...rules] } : { type: "tag", values: wcag21aa },
  );
  return results.violations
    .filter((v) => v.impact && blocking.includes(v.impact))
    .map((v) => ({
      rule: v.id,
      impact: v.impact!,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1).join(" ").trim()}`),
    }));
}
