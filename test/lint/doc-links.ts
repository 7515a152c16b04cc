// The links of the project's Markdown (README, docs/, the user guide): pictures, files and their anchors, and
// the console pages the guide sends a reader to (http://localhost:3000/<path>, the demo's address).
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { matchPage } from "@/lib/auth/page-access";

/** The address `npm run demo` serves on: links to it name console pages. */
export const DEMO_ORIGIN = "http://localhost:3000";

export type DocLink = { file: string; line: number; target: string; image: boolean };

const FENCE = /^\s*(```|~~~)/;

/** Markdown lines outside fenced code blocks, with their 1-based numbers. */
function proseLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let fenced = false;
  text.split("\n").forEach((line, i) => {
    if (FENCE.test(line)) fenced = !fenced;
    else if (!fenced) out.push({ line: i + 1, text: line });
  });
  return out;
}

/** Every link and picture of a Markdown file: `[t](x)`, `![a](x)`, `<img src>`, `<source srcset>`, `<a href>`. */
export function linksOf(file: string, text: string): DocLink[] {
  const links: DocLink[] = [];
  for (const { line, text: withCode } of proseLines(text)) {
    const prose = withCode.replace(/`[^`]*`/g, "");
    for (const m of prose.matchAll(/(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ file, line, target: m[2]!, image: m[1] === "!" });
    }
    for (const m of prose.matchAll(/<(img|source|a)\b[^>]*?\s(src|srcset|href)="([^"]+)"/g)) {
      links.push({ file, line, target: m[3]!, image: m[1] !== "a" });
    }
  }
  return links;
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The anchors of a Markdown file: its headings' slugs (repeats numbered as GitHub does) and explicit ids. */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text: prose } of proseLines(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(prose);
    if (heading) {
      const base = slug(heading[1]!);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const m of prose.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1]!);
  }
  return anchors;
}

/** What is wrong with one link (null when it lands): a missing file, anchor, picture or console page. */
export function problemOf(link: DocLink, read: (file: string) => string = (f) => readFileSync(f, "utf8")) {
  const { target } = link;
  if (target.startsWith(DEMO_ORIGIN)) {
    const pathname = new URL(target).pathname;
    return matchPage(pathname) ? null : `console page ${pathname} does not exist (lib/auth/page-access.ts)`;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return null; // another site, mailto:
  const [filePart, anchor] = target.split("#", 2) as [string, string | undefined];
  const file = filePart ? path.resolve(path.dirname(link.file), decodeURIComponent(filePart)) : link.file;
  if (filePart && !existsSync(file)) return `${link.image ? "picture" : "file"} ${filePart} does not exist`;
  if (anchor === undefined || !file.endsWith(".md") || statSync(file).isDirectory()) return null;
  return anchorsOf(read(file)).has(anchor) ? null : `anchor #${anchor} is not a heading of ${filePart || "this file"}`;
}
